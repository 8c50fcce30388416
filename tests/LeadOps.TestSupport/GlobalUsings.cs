// Namespaces that most files of this project use.
global using LeadOps.GraphSandbox;
global using Microsoft.Extensions.DependencyInjection;
global using NUnit.Framework;
