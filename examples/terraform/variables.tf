variable "location" {
  type    = string
  default = "westeurope"
}

variable "data_disk_count" {
  description = "Data disks of the database VM."
  type        = number
  default     = 4
}

variable "data_disk_type" {
  type    = string
  default = "Premium_LRS"

  validation {
    condition     = contains(["Standard_LRS", "StandardSSD_LRS", "Premium_LRS", "UltraSSD_LRS"], var.data_disk_type)
    error_message = "Unsupported disk type."
  }
}
