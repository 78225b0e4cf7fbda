# 33 data disks: one more than Azure Backup protects (max-data-disks).
data_disk_count = 33
