variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "size" {
  type    = string
  default = "Standard_D4s_v5"
}

variable "data_disk_count" {
  type    = number
  default = 0
}

variable "data_disk_type" {
  type    = string
  default = "Premium_LRS"
}

variable "private_ip_address" {
  description = "A fixed private IP; null for a dynamic one."
  type        = string
  default     = null
}
