@description('Name prefix for every resource')
param prefix string = 'files'
param location string = resourceGroup().location
@allowed(['Standard_LRS', 'StandardSSD_LRS', 'Premium_LRS', 'UltraSSD_LRS'])
param dataDiskSku string = 'Premium_LRS'
param shareCount int = 1

resource nic 'Microsoft.Network/networkInterfaces@2023-05-01' = {
  name: '${prefix}-nic'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'files-vnet', 'default') }
        }
      }
    ]
  }
}

module dataDisk 'disk.bicep' = {
  name: 'dataDisk'
  params: {
    diskName: '${prefix}-data'
    location: location
    sku: dataDiskSku
    maxShares: shareCount
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: '${prefix}-vm'
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_D4s_v5' }
    storageProfile: {
      imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' }
      osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } }
      dataDisks: [
        { lun: 0, createOption: 'Attach', managedDisk: { id: resourceId('Microsoft.Compute/disks', '${prefix}-data') } }
      ]
    }
    networkProfile: { networkInterfaces: [ { id: nic.id } ] }
  }
  dependsOn: [ dataDisk ]
}
