resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = var.location
}

resource "azurerm_virtual_network" "app" {
  name                = "vnet-app"
  location            = azurerm_resource_group.app.location
  resource_group_name = azurerm_resource_group.app.name
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "vms" {
  name                 = "snet-vms"
  resource_group_name  = azurerm_resource_group.app.name
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = [cidrsubnet("10.0.0.0/16", 8, 1)]
}

# Clean: a regular VM with a dynamic IP, a Premium data disk and daily backup.
module "web" {
  source              = "./modules/vm"
  name                = "vm-web"
  resource_group_name = azurerm_resource_group.app.name
  location            = azurerm_resource_group.app.location
  subnet_id           = azurerm_subnet.vms.id
  size                = "Standard_B1s"
  data_disk_count     = 1
}

# The database VM: 33 data disks via count (from terraform.tfvars) and a static private IP.
module "db" {
  source              = "./modules/vm"
  name                = "vm-db"
  resource_group_name = azurerm_resource_group.app.name
  location            = azurerm_resource_group.app.location
  subnet_id           = azurerm_subnet.vms.id
  data_disk_count     = var.data_disk_count
  data_disk_type      = var.data_disk_type
  private_ip_address  = "10.0.1.10"
}

# An analytics VM with an Ultra SSD and a shared disk, attached outside the module.
module "analytics" {
  source              = "./modules/vm"
  name                = "vm-analytics"
  resource_group_name = azurerm_resource_group.app.name
  location            = azurerm_resource_group.app.location
  subnet_id           = azurerm_subnet.vms.id
}

resource "azurerm_managed_disk" "ultra" {
  name                 = "disk-analytics-ultra"
  location             = azurerm_resource_group.app.location
  resource_group_name  = azurerm_resource_group.app.name
  storage_account_type = "UltraSSD_LRS"
  create_option        = "Empty"
  disk_size_gb         = 256
  zone                 = "1"
}

resource "azurerm_managed_disk" "shared" {
  name                 = "disk-analytics-shared"
  location             = azurerm_resource_group.app.location
  resource_group_name  = azurerm_resource_group.app.name
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 256
  max_shares           = 2
}

resource "azurerm_virtual_machine_data_disk_attachment" "analytics" {
  for_each = {
    ultra  = { id = azurerm_managed_disk.ultra.id, lun = 0 }
    shared = { id = azurerm_managed_disk.shared.id, lun = 1 }
  }
  managed_disk_id    = each.value.id
  virtual_machine_id = module.analytics.vm_id
  lun                = each.value.lun
  caching            = "None"
}

resource "azurerm_recovery_services_vault" "main" {
  name                = "rsv-app"
  location            = azurerm_resource_group.app.location
  resource_group_name = azurerm_resource_group.app.name
  sku                 = "Standard"
  storage_mode_type   = "GeoRedundant"
}

resource "azurerm_backup_policy_vm" "daily" {
  name                = "policy-daily"
  resource_group_name = azurerm_resource_group.app.name
  recovery_vault_name = azurerm_recovery_services_vault.main.name
  timezone            = "UTC"

  backup {
    frequency = "Daily"
    time      = "23:00"
  }

  retention_daily {
    count = 30
  }
}

resource "azurerm_backup_protected_vm" "vms" {
  for_each = {
    web       = module.web.vm_id
    db        = module.db.vm_id
    analytics = module.analytics.vm_id
  }
  resource_group_name = azurerm_resource_group.app.name
  recovery_vault_name = azurerm_recovery_services_vault.main.name
  source_vm_id        = each.value
  backup_policy_id    = azurerm_backup_policy_vm.daily.id
}
