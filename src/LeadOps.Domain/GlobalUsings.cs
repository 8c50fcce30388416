// Namespaces that most files of this project use.
global using LeadOps.Domain.Common;
