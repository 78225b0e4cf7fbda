using 'main.bicep'

param vmCount = 3
param vmSize = 'Standard_B1ls'
param useSpot = true
