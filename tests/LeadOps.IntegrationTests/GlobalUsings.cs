// Namespaces that most files of this project use.
global using LeadOps.TestSupport;
global using NUnit.Framework;
