// Namespaces that most files of this project use.
global using Mediator;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using LeadOps.Application.Common;
global using LeadOps.Application.Common.Security;
global using LeadOps.Web.Common;
