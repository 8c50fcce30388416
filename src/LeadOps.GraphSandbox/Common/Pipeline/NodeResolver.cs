namespace LeadOps.GraphSandbox;

/// <summary>
/// Finds the node a Graph call is about (page, form or lead) and checks that it belongs to the token's page. A node
/// the token may not see answers as one that does not exist, in Graph's words.
/// </summary>
internal static class NodeResolver
{
    /// <summary>No node: the call is about the token it carries (<c>debug_token</c>).</summary>
    public static GraphError? None(GraphCall call) => null;

    /// <summary>The token's own page (<c>/me</c>), or the person a user token belongs to.</summary>
    public static GraphError? Me(GraphCall call) => call.TokenCheck?.Kind == TokenKind.User ? null : ResolvePage(call, "me");

    /// <summary>The page of a page edge: the path id, "me" or the token's page id.</summary>
    public static GraphError? Page(GraphCall call) => ResolvePage(call, call.PathId!);

    /// <summary>The form of a form edge; it must belong to the token's page.</summary>
    public static GraphError? Form(GraphCall call)
    {
        var id = call.PathId!;
        var form = call.State.Forms.Find(id);
        if (form is null || form.Page != call.TokenCheck?.Page)
        {
            return GraphErrors.UnknownObject(id, MethodWord(call));
        }

        call.Form = form;
        call.Page = form.Page;
        return null;
    }

    /// <summary>
    /// Any node id (page, form, lead, or a customer of the page: the User Profile API); names the call's route after what
    /// the node is. An id Graph does not know is error 100/33, or 803 when it is not a number (Graph takes it for an alias).
    /// </summary>
    public static GraphError? AnyNode(GraphCall call)
    {
        var id = call.PathId!;
        var tokenPage = call.TokenCheck?.Page;
        if (call.State.Pages.Find(id) is { } page && page == tokenPage)
        {
            call.Route = FaultRoutes.Page;
            call.Page = page;
            return null;
        }

        if (call.State.Forms.Find(id) is { } form && form.Page == tokenPage)
        {
            call.Route = FaultRoutes.Form;
            call.Form = form;
            call.Page = form.Page;
            return null;
        }

        if (call.State.Leads.Find(id) is { } lead && lead.Form.Page == tokenPage)
        {
            call.Route = FaultRoutes.Lead;
            call.Lead = lead;
            call.Form = lead.Form;
            call.Page = lead.Form.Page;
            return null;
        }

        if (tokenPage is not null && call.State.Messages.Find(tokenPage, id) is not null)
        {
            call.Route = FaultRoutes.UserProfile;
            call.Page = tokenPage;
            return null;
        }

        return id.All(char.IsAsciiDigit) ? GraphErrors.UnknownObject(id, MethodWord(call)) : GraphErrors.UnknownAlias(id);
    }

    private static GraphError? ResolvePage(GraphCall call, string id)
    {
        var tokenPage = call.TokenCheck?.Page;
        if (id == "me")
        {
            call.Page = tokenPage;
            return tokenPage is null ? GraphErrors.PageTokenRequired() : null;
        }

        var page = call.State.Pages.Find(id);
        if (page is null || page != tokenPage)
        {
            return GraphErrors.UnknownObject(id, MethodWord(call));
        }

        call.Page = page;
        return null;
    }

    private static string MethodWord(GraphCall call) => call.Http.Request.Method switch
    {
        "POST" => "post",
        "DELETE" => "delete",
        _ => "get",
    };
}
