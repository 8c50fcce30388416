namespace LeadOps.Web.Common;

/// <summary>
/// The brief's environment variables, accepted as they are and mapped onto configuration keys. A value set the
/// usual way (appsettings, <c>Section__Key</c>) wins over the brief's name; an empty or blank one does not.
/// </summary>
internal static class BriefEnvironmentNames
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ADMIN_API_KEY"] = "Admin:ApiKey",
        ["ADMIN_USER_ID"] = "Admin:UserId",
        ["FACEBOOK_PAGE_ACCESS_TOKEN"] = "Facebook:PageAccessToken",
        ["FACEBOOK_APP_ID"] = "Facebook:AppId",
        ["FACEBOOK_VERIFY_TOKEN"] = "Facebook:VerifyToken",
        ["FACEBOOK_APP_SECRET"] = "Facebook:AppSecret",
    };

    public static void AddBriefEnvironmentNames(this ConfigurationManager configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Map)
        {
            // Environment variables are configuration keys under their own names (the host reads them before this runs).
            var value = configuration[variable];
            if (!string.IsNullOrWhiteSpace(value) && string.IsNullOrWhiteSpace(configuration[key]))
            {
                values[key] = value.Trim();
            }
        }

        if (values.Count > 0)
        {
            configuration.AddInMemoryCollection(values);
        }
    }
}
