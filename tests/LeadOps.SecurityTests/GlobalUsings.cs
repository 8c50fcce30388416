// Namespaces that most files of this project use.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text;
global using System.Text.Json;
global using LeadOps.SecurityTests.Support;
global using LeadOps.TestSupport;
global using NUnit.Framework;
global using LeadOps.GraphSandbox;
global using Microsoft.Extensions.DependencyInjection;
