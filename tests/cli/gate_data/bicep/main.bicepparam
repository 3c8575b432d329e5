using 'main.bicep'

param location = 'brazilsouth'
param storageSku = 'Standard_GRS'
