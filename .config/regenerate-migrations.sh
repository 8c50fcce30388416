#!/bin/bash
# regenerate the single initial migration for both providers
set -e
cd /work/main
rm -rf src/LeadOps.Infrastructure/Persistence/Migrations src/LeadOps.Infrastructure/LeadOps
dotnet ef migrations add InitialCreate --project src/LeadOps.Infrastructure --startup-project src/LeadOps.Infrastructure --context SqliteLeadOpsDbContext --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add InitialCreate --project src/LeadOps.Infrastructure --startup-project src/LeadOps.Infrastructure --context SqlServerLeadOpsDbContext --output-dir Persistence/Migrations/SqlServer
