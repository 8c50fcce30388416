#!/usr/bin/env bash
# Until the first release, LeadOps keeps a single InitialCreate migration per provider.
# This script recreates both from the current model (run from the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/LeadOps.Infrastructure/Persistence/Migrations
for context in Sqlite SqlServer; do
  dotnet ef migrations add InitialCreate --project src/LeadOps.Infrastructure --startup-project src/LeadOps.Infrastructure \
    --context ${context}LeadOpsDbContext --output-dir Persistence/Migrations/${context}
done
