// Namespaces that most files of this project use.
global using System.Globalization;
global using System.Text;
global using System.Text.Json;
