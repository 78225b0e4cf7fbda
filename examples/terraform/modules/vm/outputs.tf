output "vm_id" {
  value = azurerm_linux_virtual_machine.this.id
}
