#!/usr/bin/env python3
"""Checks armlint reports with real parsers for the report tests.

  report_check.py sarif SCHEMA FILE   validate FILE against the SARIF 2.1.0 JSON schema
  report_check.py junit FILE          parse FILE as XML and print its testsuite/testcase tree

Exit 0 when valid; 1 with the reasons on stdout otherwise.
"""
import json
import sys
import xml.etree.ElementTree as ET


def check_sarif(schema_path, path):
    import jsonschema
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    cls = jsonschema.validators.validator_for(schema)  # draft-04 for SARIF 2.1.0
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors:
        print("/".join(str(p) for p in e.path), ":", e.message)
    if errors:
        return 1
    print("valid: %d results" % sum(len(r.get("results", [])) for r in doc["runs"]))
    return 0


def check_junit(path):
    root = ET.parse(path).getroot()
    if root.tag != "testsuites":
        print("root is", root.tag)
        return 1
    for suite in root.findall("testsuite"):
        print("suite", suite.get("name"), suite.get("tests"), suite.get("failures"),
              suite.get("errors"), suite.get("skipped"))
        if int(suite.get("tests")) != len(suite.findall("testcase")):
            print("tests attribute does not match testcases")
            return 1
        for case in suite.findall("testcase"):
            state = "passed"
            for child in case:
                state = child.tag
                print("  case", json.dumps(case.get("name")), state, json.dumps(child.get("message")))
                print("  text", json.dumps(child.text))
            if state == "passed":
                print("  case", json.dumps(case.get("name")), state)
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "sarif":
        return check_sarif(argv[2], argv[3])
    if len(argv) == 3 and argv[1] == "junit":
        return check_junit(argv[2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
