// Date functions against the examples of the ARM date function reference.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-date
#include "arm/expr_test_util.h"
#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

TEST(DateFunctions, DocumentedExamples) {
  ExprTest t;
  const Case cases[] = {
      // "P1Y should be interpreted as P365D, while P1M should be interpreted as P30D"
      {"dateTimeAdd('2023-01-01 00:00:00Z', 'P1Y')", "\"2024-01-01T00:00:00Z\""},
      {"dateTimeAdd('2024-01-01 00:00:00Z', 'P1Y')", "\"2024-12-31T00:00:00Z\""},
      {"dateTimeAdd('2023-02-01 00:00:00Z', 'P1M')", "\"2023-03-03T00:00:00Z\""},
      {"dateTimeAdd('2024-02-01 00:00:00Z', 'P1M')", "\"2024-03-02T00:00:00Z\""},
      // dateTimeFromEpoch / dateTimeToEpoch
      {"dateTimeFromEpoch(1683040573)", "\"2023-05-02T15:16:13Z\""},
      {"dateTimeToEpoch('2023-05-02T15:16:13Z')", "1683040573"},
      // the page's add examples, from a fixed base instead of utcNow()
      {"dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')", "\"2023-04-07T14:53:14Z\""},
      {"dateTimeAdd('2020-04-07 14:53:14Z', '-PT9H')", "\"2020-04-07T05:53:14Z\""},
      {"dateTimeAdd('2020-04-07 14:53:14Z', 'PT1H')", "\"2020-04-07T15:53:14Z\""},
      {"utcNow()", "<unknown string>"},
      {"utcNow('u')", "<unknown string>"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

TEST(DateFunctions, FormatsAndDurations) {
  ExprTest t;
  const Case cases[] = {
      {"dateTimeAdd('2020-01-01T00:00:00Z', 'P1DT2H3M4.5S', 'o')",
       "\"2020-01-02T02:03:04.5000000Z\""},
      {"dateTimeAdd('2020-01-01T00:00:00Z', 'P1W', 'yyyy-MM-dd')", "\"2020-01-08\""},
      {"dateTimeAdd('2020-01-01T13:05:00Z', 'PT0S', 'hh:mm tt')", "\"01:05 PM\""},
      {"dateTimeAdd('2020-01-01T00:00:00Z', 'PT0S', 'u')", "\"2020-01-01 00:00:00Z\""},
      {"dateTimeAdd('2020-01-01T00:00:00Z', 'PT0S', 's')", "\"2020-01-01T00:00:00\""},
      {"dateTimeAdd('2020-01-01T02:00:00+02:00', 'PT0S')", "\"2020-01-01T00:00:00Z\""},
      {"dateTimeAdd('2020-01-01', 'P1D')", "\"2020-01-02T00:00:00Z\""},
      {"dateTimeToEpoch('1970-01-01T00:00:00Z')", "0"},
      {"dateTimeAdd('yesterday', 'P1D')",
       "error: function 'dateTimeAdd': 'yesterday' is not an ISO 8601 date and time "
       "(2020-04-07T14:53:14Z) at character 2"},
      {"dateTimeAdd('2020-01-01T00:00:00Z', '1 day')",
       "error: function 'dateTimeAdd': '1 day' is not an ISO 8601 duration (P1D, PT1H, -P3Y) at "
       "character 2"},
      {"dateTimeAdd('9999-12-31T00:00:00Z', 'P1D')",
       "error: function 'dateTimeAdd': the result is outside the years 1 to 9999 at character 2"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

}  // namespace
}  // namespace armlint::internal
