#!/usr/bin/env pwsh
# LeadOps build script for PowerShell 7 (Windows, macOS, Linux). Each target runs the same dotnet commands as the README.
#   ./build.ps1 restore | build | test | run | bench
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('restore', 'build', 'test', 'run', 'bench')]
    [string] $Target = 'build',

    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

switch ($Target) {
    'restore' { Invoke-Dotnet tool restore; Invoke-Dotnet restore LeadOps.sln }
    'build'   { Invoke-Dotnet build LeadOps.sln -c $Configuration }
    'test'    { Invoke-Dotnet tool restore; Invoke-Dotnet test LeadOps.sln -c $Configuration }
    'run'     { Invoke-Dotnet run --project src/LeadOps.Web }
    'bench'   { Invoke-Dotnet run -c Release --project bench/LeadOps.Benchmarks -- all }
}
