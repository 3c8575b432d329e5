// A storage account that allows HTTP.
param location string = resourceGroup().location

@allowed(['Standard_LRS', 'Standard_GRS'])
param storageSku string = 'Standard_LRS'

resource logs 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stlogs001'
  location: 'westeurope'
  sku: {
    name: 'Standard_GRS'
  }
  kind: 'StorageV2'
  properties: {
    supportsHttpsTrafficOnly: true
  }
}

resource data 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stdata001'
  location: location
  sku: {
    name: storageSku
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: false
  }
}
