// Namespaces that most files of this project use.
global using Mediator;
global using FluentValidation;
global using LeadOps.Application.Common;
global using LeadOps.Application.Common.Graph;
global using LeadOps.Application.Common.Security;
global using LeadOps.Domain.Common;
global using LeadOps.Domain.Leads;
global using LeadOps.Domain.Integrations;
global using LeadOps.Domain.Conversations;
global using Microsoft.Extensions.Logging;
global using LeadOps.Application.Integrations;
global using LeadOps.Application.Leads;
global using LeadOps.Application.Leads.Welcome;
