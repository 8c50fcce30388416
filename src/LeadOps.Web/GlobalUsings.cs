// Namespaces that most files of this project use.
global using Mediator;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using LeadOps.Application.Common;
global using LeadOps.Application.Common.Security;
global using LeadOps.Web.Common;
global using Microsoft.AspNetCore.Http.HttpResults;
global using LeadOps.Application.Leads.Queries;
global using LeadOps.Application.Conversations;
global using Microsoft.Extensions.Options;
global using Microsoft.AspNetCore.Identity;
global using LeadOps.Infrastructure.Identity;
global using LeadOps.Web.Security;
