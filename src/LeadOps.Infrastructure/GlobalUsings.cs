// Namespaces that most files of this project use.
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using System.Globalization;
global using LeadOps.Application.Common.Graph;
global using LeadOps.Application.Common.Security;
global using LeadOps.Infrastructure.Persistence;
global using LeadOps.Infrastructure.Common;
global using LeadOps.Domain.Common;
global using LeadOps.Domain.Leads;
global using LeadOps.Domain.Conversations;
global using LeadOps.Domain.Integrations;
