// Web servers behind a load balancer, one NIC per VM, deployed with prod.bicepparam.
@minValue(1)
param vmCount int = 2
param location string = resourceGroup().location
param vmSize string = 'Standard_D2s_v5'
@description('Spot capacity for the test environment')
param useSpot bool = false
param deployBackup bool = true

var subnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', 'web-vnet', 'default')

resource nic 'Microsoft.Network/networkInterfaces@2023-05-01' = [for i in range(0, vmCount): {
  name: 'web-nic-${i}'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          // The load balancer's health probes target fixed addresses, registered in DNS.
          #disable-next-line no-static-private-ip // re-registered by the restore runbook
          privateIPAllocationMethod: 'Static'
          privateIPAddress: '10.0.1.${10 + i}'
          subnet: { id: subnetId }
        }
      }
    ]
  }
}]

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = [for i in range(0, vmCount): {
  name: 'web-${i}'
  location: location
  properties: {
    priority: useSpot ? 'Spot' : 'Regular'
    hardwareProfile: { vmSize: vmSize }
    osProfile: {
      computerName: 'web-${i}'
      adminUsername: 'azureuser'
      linuxConfiguration: { disablePasswordAuthentication: true }
    }
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }
      osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } }
    }
    networkProfile: { networkInterfaces: [ { id: nic[i].id } ] }
  }
}]

resource vault 'Microsoft.RecoveryServices/vaults@2023-04-01' = if (deployBackup) {
  name: 'web-rsv'
  location: location
  sku: { name: 'RS0', tier: 'Standard' }
  properties: {}
}

resource policy 'Microsoft.RecoveryServices/vaults/backupPolicies@2023-04-01' = if (deployBackup) {
  parent: vault
  name: 'daily'
  properties: {
    backupManagementType: 'AzureIaasVM'
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [ '2024-01-01T23:00:00Z' ] }
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy'
      dailySchedule: { retentionTimes: [ '2024-01-01T23:00:00Z' ], retentionDuration: { count: 30, durationType: 'Days' } }
    }
    timeZone: 'UTC'
  }
}

resource protectedItem 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2023-04-01' = [for i in range(0, deployBackup ? vmCount : 0): {
  name: '${vault.name}/Azure/iaasvmcontainer;iaasvmcontainerv2;${resourceGroup().name};web-${i}/vm;iaasvmcontainerv2;${resourceGroup().name};web-${i}'
  properties: {
    protectedItemType: 'Microsoft.Compute/virtualMachines'
    sourceResourceId: vm[i].id
    policyId: policy.id
  }
}]
