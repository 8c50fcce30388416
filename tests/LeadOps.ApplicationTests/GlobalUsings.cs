// Namespaces that most files of this project use, and the tier's helpers (Testing.SendAsync, ...) by their short names.
global using LeadOps.Application.Common;
global using LeadOps.Domain.Conversations;
global using LeadOps.Domain.Leads;
global using LeadOps.GraphSandbox;
global using LeadOps.TestSupport;
global using NUnit.Framework;
global using static LeadOps.ApplicationTests.Testing;
