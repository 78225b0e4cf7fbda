param diskName string
param location string
param sku string
param maxShares int

resource disk 'Microsoft.Compute/disks@2023-04-02' = {
  name: diskName
  location: location
  sku: { name: sku }
  properties: {
    creationData: { createOption: 'Empty' }
    diskSizeGB: 1024
    maxShares: maxShares
  }
}
