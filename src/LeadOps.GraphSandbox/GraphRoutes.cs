using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

internal sealed record PageJson(string Id, string Name, string Category, string Link);

internal sealed record FormQuestionOption(string Key, string Value);

internal sealed record FormQuestionJson(string Key, string Label, string Type, string Id, IReadOnlyList<FormQuestionOption>? Options);

internal sealed record FormPageJson(string Id, string Name);

internal sealed record FormJson(
    string Id, string Name, string Status, string Locale, string CreatedTime, int LeadsCount, int ExpiredLeadsCount,
    IReadOnlyList<FormQuestionJson> Questions, FormPageJson Page, string PrivacyPolicyUrl);

internal sealed record LeadJson(
    string Id, string CreatedTime, string? AdId, string? AdName, string? AdsetId, string? AdsetName, string? CampaignId,
    string? CampaignName, string FormId, IReadOnlyList<FieldData> FieldData, bool IsOrganic, string Platform);

internal sealed record Paging(PagingCursors? Cursors, string? Previous, string? Next);

internal sealed record PagingCursors(string? Before, string? After);

internal sealed record SubscribedApp(string Link, string Name, string Id, IReadOnlyList<string> SubscribedFields);

internal sealed record DataList<T>(IReadOnlyList<T> Data);

internal sealed record SuccessJson(bool Success);

internal sealed record SendResponse(string RecipientId, string MessageId);

internal sealed record DebugTokenEnvelope(DebugTokenData Data);

internal sealed record DebugTokenError(int Code, string Message, int? Subcode);

internal sealed record DebugTokenData(
    string? AppId, string? Type, string? Application, long? DataAccessExpiresAt, DebugTokenError? Error, long? ExpiresAt,
    bool IsValid, long? IssuedAt, string? ProfileId, IReadOnlyList<string> Scopes, string? UserId);

/// <summary>The Graph routes, under any <c>/vNN.N/</c> version segment, answering in Graph's exact shapes.</summary>
internal static class GraphRoutes
{
    private const int MaxFormsLimit = 100;

    private static readonly string[] PageFields = ["id", "name", "category", "link"];
    private static readonly string[] PageDefaultFields = ["id", "name"];
    private static readonly string[] FormFields =
        ["id", "name", "status", "locale", "created_time", "leads_count", "expired_leads_count", "questions", "page", "privacy_policy_url"];

    private static readonly string[] FormDefaultFields = ["id", "locale", "name", "status"];
    private static readonly string[] LeadFields =
    [
        "id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name", "form_id",
        "field_data", "is_organic", "platform", "partner_name", "retailer_item_id", "custom_disclaimer_responses",
        "home_listing", "vehicle", "post",
    ];

    private static readonly string[] LeadDefaultFields = ["created_time", "id", "field_data"];
    private static readonly string[] MessagingTypes = ["RESPONSE", "UPDATE", "MESSAGE_TAG"];
    private static readonly string[] MessageTags =
        ["HUMAN_AGENT", "ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "CUSTOMER_FEEDBACK"];

    private static readonly string[] WebhookFields =
    [
        "leadgen", "messages", "messaging_postbacks", "messaging_optins", "message_deliveries", "message_reads",
        "message_echoes", "messaging_referrals", "messaging_handovers", "standby", "feed", "message_reactions",
    ];

    private static readonly string[] PagingParameters = ["access_token", "appsecret_proof", "appsecret_time", "after", "before"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/{version}/me", (HttpContext http, string version) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.Me, c => GraphPipeline.ResolvePage(c, "me"), PageNode));

        app.MapGet("/{version}/debug_token", (HttpContext http, string version) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.DebugToken, _ => null, DebugToken));

        app.MapGet("/{version}/{id}", (HttpContext http, string version, string id) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.Page, c => GraphPipeline.ResolveNode(c, id), Node));

        app.MapGet("/{version}/{id}/leadgen_forms", (HttpContext http, string version, string id) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.LeadgenForms, c => GraphPipeline.ResolvePage(c, id), LeadgenForms));

        app.MapGet("/{version}/{id}/leads", (HttpContext http, string version, string id) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.Leads, c => GraphPipeline.ResolveForm(c, id), Leads));

        app.MapGet("/{version}/{id}/subscribed_apps", (HttpContext http, string version, string id) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.SubscribedApps, c => GraphPipeline.ResolvePage(c, id), SubscribedApps));

        app.MapPost("/{version}/{id}/subscribed_apps", (HttpContext http, string version, string id) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.SubscribedApps, c => GraphPipeline.ResolvePage(c, id), Subscribe));

        app.MapDelete("/{version}/{id}/subscribed_apps", (HttpContext http, string version, string id) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.SubscribedApps, c => GraphPipeline.ResolvePage(c, id), Unsubscribe));

        app.MapPost("/{version}/{id}/messages", (HttpContext http, string version, string id) =>
            GraphPipeline.RunAsync(http, version, FaultRoutes.Messages, c => GraphPipeline.ResolvePage(c, id), SendMessageAsync));
    }

    private static Task<GraphReply> Node(GraphCall call) => call.Route switch
    {
        FaultRoutes.Lead => LeadNode(call),
        FaultRoutes.Form => FormNode(call),
        _ => PageNode(call),
    };

    private static Task<GraphReply> PageNode(GraphCall call)
    {
        var page = call.Page!;
        var json = new PageJson(page.Id, page.Name, page.Category, $"https://www.facebook.com/{page.Id}");
        return Select(call, json, PageFields, PageDefaultFields, "Page", out var node) is { } error
            ? Task.FromResult(GraphReply.Fail(error))
            : Task.FromResult(GraphReply.Json(node!));
    }

    private static Task<GraphReply> FormNode(GraphCall call) =>
        Task.FromResult(Select(call, ToJson(call, call.Form!), FormFields, FormDefaultFields, "LeadgenForm", out var node) is { } error
            ? GraphReply.Fail(error)
            : GraphReply.Json(node!));

    private static Task<GraphReply> LeadNode(GraphCall call) =>
        Task.FromResult(Select(call, ToJson(call.State, call.Lead!.Value), LeadFields, LeadDefaultFields, "Lead", out var node) is { } error
            ? GraphReply.Fail(error)
            : GraphReply.Json(node!));

    private static Task<GraphReply> LeadgenForms(GraphCall call)
    {
        if (ParsePaging(call, MaxFormsLimit, out var after, out var before, out var limit) is { } error)
        {
            return Task.FromResult(GraphReply.Fail(error));
        }

        if (ParseFields(call, FormFields, FormDefaultFields, "LeadgenForm", out var fields) is { } fieldsError)
        {
            return Task.FromResult(GraphReply.Fail(fieldsError));
        }

        if (call.EmptyPageWithNext)
        {
            return Task.FromResult(EmptyPageWithNext(call, after));
        }

        var page = call.State.QueryForms(call.Page!, after, before, limit);
        var items = page.Items.Select(f => Pick(GraphJson.ToObject(ToJson(call, f)), fields)).ToList();
        return Task.FromResult(GraphReply.Json(Edge(call, items, page)));
    }

    private static Task<GraphReply> Leads(GraphCall call)
    {
        var options = call.State.Options;
        if (ParsePaging(call, options.LeadsLimitCap, out var after, out var before, out var limit) is { } error)
        {
            return Task.FromResult(GraphReply.Fail(error));
        }

        if (ParseFields(call, LeadFields, LeadDefaultFields, "Lead", out var fields) is { } fieldsError)
        {
            return Task.FromResult(GraphReply.Fail(fieldsError));
        }

        if (ParseFiltering(call.Param("filtering"), out var minTime, out var maxTime) is { } filterError)
        {
            return Task.FromResult(GraphReply.Fail(filterError));
        }

        if (call.EmptyPageWithNext)
        {
            return Task.FromResult(EmptyPageWithNext(call, after));
        }

        var page = call.State.QueryLeads(call.Form!, minTime, maxTime, after, before, limit);
        var items = page.Items.Select(l => Pick(GraphJson.ToObject(ToJson(call.State, l)), fields)).ToList();
        return Task.FromResult(GraphReply.Json(Edge(call, items, page)));
    }

    private static Task<GraphReply> SubscribedApps(GraphCall call)
    {
        var fields = call.State.SubscribedFieldsOf(call.Page!);
        var options = call.State.Options;
        IReadOnlyList<SubscribedApp> apps = fields.Count == 0
            ? []
            : [new SubscribedApp($"https://sandbox.leadops.invalid/apps/{options.AppId}", options.AppName, options.AppId, fields)];
        return Task.FromResult(GraphReply.Json(new DataList<SubscribedApp>(apps)));
    }

    private static Task<GraphReply> Subscribe(GraphCall call)
    {
        var raw = call.Param("subscribed_fields");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Task.FromResult(GraphReply.Fail(GraphErrors.InvalidParameter("The parameter subscribed_fields is required")));
        }

        var fields = ParseList(raw);
        for (var i = 0; i < fields.Count; i++)
        {
            if (!WebhookFields.Contains(fields[i]))
            {
                return Task.FromResult(GraphReply.Fail(GraphErrors.InvalidParameter(
                    $"Param subscribed_fields[{i}] must be one of {{{string.Join(", ", WebhookFields)}}} - got \"{fields[i]}\".")));
            }
        }

        call.State.Subscribe(call.Page!, fields);
        return Task.FromResult(GraphReply.Json(new SuccessJson(true)));
    }

    private static Task<GraphReply> Unsubscribe(GraphCall call)
    {
        call.State.Unsubscribe(call.Page!);
        return Task.FromResult(GraphReply.Json(new SuccessJson(true)));
    }

    private static Task<GraphReply> DebugToken(GraphCall call)
    {
        var input = call.Param("input_token");
        if (string.IsNullOrEmpty(input))
        {
            return Task.FromResult(GraphReply.Fail(GraphErrors.InvalidParameter("The parameter input_token is required")));
        }

        var options = call.State.Options;
        var now = call.State.Now;
        var check = call.State.CheckToken(input);
        var data = check.Kind switch
        {
            TokenKind.App => new DebugTokenData(options.AppId, "APP", options.AppName, null, null, null, true, null, null, [], null),
            TokenKind.Page => new DebugTokenData(
                options.AppId,
                "PAGE",
                options.AppName,
                check.DataAccessExpiresAt?.ToUnixTimeSeconds(),
                check.IsValid ? null : new DebugTokenError(190, GraphErrors.SessionExpired(check.ExpiresAt ?? now, now).Message, 463),
                check.ExpiresAt?.ToUnixTimeSeconds() ?? 0,
                check.IsValid,
                check.IssuedAt.ToUnixTimeSeconds(),
                check.Page!.Id,
                check.Scopes,
                SandboxSeed.TokenOwnerUserId),
            _ => new DebugTokenData(null, null, null, null, new DebugTokenError(190, GraphErrors.CannotParseToken().Message, null), null, false, null, null, [], null),
        };
        return Task.FromResult(GraphReply.Json(new DebugTokenEnvelope(data)));
    }

    private static async Task<GraphReply> SendMessageAsync(GraphCall call)
    {
        var (body, parseError) = await ReadSendBodyAsync(call);
        if (parseError is not null)
        {
            return GraphReply.Fail(parseError);
        }

        var psid = body.Recipient?.Id;
        if (string.IsNullOrEmpty(psid))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("param recipient must be non-empty."));
        }

        if (body.Text is null)
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("Must send either message or sender action"));
        }

        if (body.MessagingType is null || !MessagingTypes.Contains(body.MessagingType))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}"));
        }

        if (body.MessagingType == "MESSAGE_TAG" && (body.Tag is null || !MessageTags.Contains(body.Tag)))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter($"Param tag must be one of {{{string.Join(", ", MessageTags)}}}"));
        }

        var tag = body.MessagingType == "MESSAGE_TAG" ? body.Tag : null;
        var (sent, error) = call.State.Send(call.Page!, psid, body.Text, body.MessagingType, tag);
        return error is not null ? GraphReply.Fail(error) : GraphReply.Json(new SendResponse(sent!.Psid, sent.MessageId));
    }

    private sealed record SendRecipient(string? Id);

    private sealed record SendBody(SendRecipient? Recipient, string? MessagingType, string? Tag, string? Text);

    /// <summary>Reads a Send API call from a JSON body, or from form/query parameters holding JSON values.</summary>
    private static async Task<(SendBody Body, GraphError? Error)> ReadSendBodyAsync(GraphCall call)
    {
        var request = call.Http.Request;
        try
        {
            if (request.HasJsonContentType())
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: call.Http.RequestAborted);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return (new SendBody(null, null, null, null), GraphErrors.InvalidParameter("Invalid JSON body"));
                }

                return (new SendBody(
                    root.TryGetProperty("recipient", out var r) ? RecipientOf(r) : null,
                    StringOf(root, "messaging_type"),
                    StringOf(root, "tag"),
                    root.TryGetProperty("message", out var m) ? TextOf(m) : null), null);
            }

            var recipient = call.Param("recipient");
            var message = call.Param("message");
            return (new SendBody(
                recipient is null ? null : RecipientOf(JsonDocument.Parse(recipient).RootElement.Clone()),
                call.Param("messaging_type"),
                call.Param("tag"),
                message is null ? null : TextOf(JsonDocument.Parse(message).RootElement.Clone())), null);
        }
        catch (JsonException)
        {
            return (new SendBody(null, null, null, null), GraphErrors.InvalidParameter("Invalid JSON for postback payload"));
        }

        static SendRecipient? RecipientOf(JsonElement e) =>
            e.ValueKind == JsonValueKind.Object ? new SendRecipient(StringOf(e, "id")) : null;

        static string? TextOf(JsonElement e) => e.ValueKind == JsonValueKind.Object ? StringOf(e, "text") : null;

        static string? StringOf(JsonElement e, string name) =>
            e.TryGetProperty(name, out var p) ? p.ValueKind switch
            {
                JsonValueKind.String => p.GetString(),
                JsonValueKind.Number => p.GetRawText(),
                _ => null,
            } : null;
    }

    private static FormJson ToJson(GraphCall call, FormState form) => new(
        form.Id,
        form.Name,
        form.Status,
        form.Locale,
        GraphJson.FormatTime(form.CreatedUnix),
        call.State.LeadCountOf(form),
        0,
        [.. form.Template.Questions.Select((q, i) => new FormQuestionJson(
            q.Key, q.Label, q.Type, $"{form.Id}{i:D2}", q.Options?.Select(o => new FormQuestionOption(o, o)).ToArray()))],
        new FormPageJson(form.Page.Id, form.Page.Name),
        "https://www.example.com/privacy");

    private static LeadJson ToJson(SandboxState state, LeadRef lead)
    {
        var content = state.ReadLead(lead);
        var ad = content.Ad;
        return new LeadJson(
            lead.Id, GraphJson.FormatTime(lead.CreatedUnix), ad?.AdId, ad?.AdName, ad?.AdsetId, ad?.AdsetName, ad?.CampaignId,
            ad?.CampaignName, lead.Form.Id, content.FieldData, content.IsOrganic, content.Platform);
    }

    /// <summary>Serialises a node and keeps only the requested fields (id always), in the requested order.</summary>
    private static GraphError? Select<T>(GraphCall call, T value, string[] known, string[] defaults, string nodeType, out JsonObject? node)
    {
        node = null;
        if (ParseFields(call, known, defaults, nodeType, out var fields) is { } error)
        {
            return error;
        }

        node = Pick(GraphJson.ToObject(value), fields);
        return null;
    }

    private static JsonObject Pick(JsonObject all, IReadOnlyList<string> fields)
    {
        var picked = new JsonObject();
        foreach (var field in fields)
        {
            if (!picked.ContainsKey(field) && all.TryGetPropertyValue(field, out var value) && value is not null)
            {
                all.Remove(field);
                picked[field] = value;
            }
        }

        if (!picked.ContainsKey("id") && all.TryGetPropertyValue("id", out var id) && id is not null)
        {
            all.Remove("id");
            picked["id"] = id;
        }

        return picked;
    }

    private static GraphError? ParseFields(GraphCall call, string[] known, string[] defaults, string nodeType, out IReadOnlyList<string> fields)
    {
        var raw = call.Param("fields");
        fields = defaults;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var part in SplitTopLevel(raw))
        {
            // Sub-selections ("field_data{name,values}") and modifiers ("x.limit(5)") narrow nested data: ignored here.
            var name = part.Split('{', '.', '(')[0].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!known.Contains(name))
            {
                return GraphErrors.NonexistingField(name, nodeType);
            }

            names.Add(name);
        }

        fields = names;
        return null;
    }

    private static IEnumerable<string> SplitTopLevel(string raw)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            switch (raw[i])
            {
                case '{' or '(':
                    depth++;
                    break;
                case '}' or ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return raw[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return raw[start..];
    }

    private static List<string> ParseList(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<List<string>>(trimmed) ?? [];
            }
            catch (JsonException)
            {
                return [trimmed];
            }
        }

        return [.. trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static GraphError? ParsePaging(GraphCall call, int cap, out PageKey? after, out PageKey? before, out int limit)
    {
        after = null;
        before = null;
        limit = Math.Min(call.State.Options.DefaultLimit, cap);
        var rawLimit = call.Param("limit");
        if (rawLimit is not null)
        {
            if (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1)
            {
                return GraphErrors.InvalidParameter("Param limit must be a positive integer");
            }

            limit = Math.Min(asked, cap);
        }

        var rawAfter = call.Param("after");
        if (rawAfter is not null)
        {
            if (!PageKey.TryDecode(rawAfter, out var key))
            {
                return GraphErrors.InvalidParameter("The after cursor is invalid or has expired");
            }

            after = key;
        }

        var rawBefore = call.Param("before");
        if (rawBefore is not null)
        {
            if (!PageKey.TryDecode(rawBefore, out var key))
            {
                return GraphErrors.InvalidParameter("The before cursor is invalid or has expired");
            }

            before = key;
        }

        return null;
    }

    /// <summary>
    /// Parses the documented date filter: URL-encoded JSON like
    /// <c>[{"field":"time_created","operator":"GREATER_THAN","value":1700000000}]</c> (unix seconds).
    /// </summary>
    internal static GraphError? ParseFiltering(string? raw, out long minTime, out long maxTime)
    {
        minTime = long.MinValue;
        maxTime = long.MaxValue;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return GraphErrors.InvalidParameter("param filtering must be an array.");
            }

            foreach (var filter in document.RootElement.EnumerateArray())
            {
                if (filter.ValueKind != JsonValueKind.Object
                    || !filter.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String
                    || !filter.TryGetProperty("operator", out var op) || op.ValueKind != JsonValueKind.String
                    || !filter.TryGetProperty("value", out var value))
                {
                    return GraphErrors.InvalidParameter("param filtering must be an array of objects with field, operator and value.");
                }

                if (field.GetString() != "time_created")
                {
                    return GraphErrors.InvalidParameter($"Filtering field {field.GetString()} is invalid. Supported: time_created");
                }

                long seconds;
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
                {
                    seconds = number;
                }
                else if (value.ValueKind == JsonValueKind.String
                    && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    seconds = parsed;
                }
                else
                {
                    return GraphErrors.InvalidParameter("Filtering value for time_created must be a unix timestamp in seconds.");
                }

                switch (op.GetString())
                {
                    case "GREATER_THAN":
                        minTime = Math.Max(minTime, seconds + 1);
                        break;
                    case "GREATER_THAN_OR_EQUAL":
                        minTime = Math.Max(minTime, seconds);
                        break;
                    case "LESS_THAN":
                        maxTime = Math.Min(maxTime, seconds - 1);
                        break;
                    case "LESS_THAN_OR_EQUAL":
                        maxTime = Math.Min(maxTime, seconds);
                        break;
                    default:
                        return GraphErrors.InvalidParameter(
                            $"Filtering operator {op.GetString()} is invalid for time_created. Supported: GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL");
                }
            }
        }
        catch (JsonException)
        {
            return GraphErrors.InvalidParameter("param filtering must be a JSON-encoded array.");
        }

        return null;
    }

    private static JsonObject Edge<T>(GraphCall call, List<JsonObject> items, KeysetPage<T> page)
    {
        var data = new JsonArray([.. items]);
        var result = new JsonObject { ["data"] = data };
        if (call.RepeatedCursor && call.Param("after") is { } repeated)
        {
            // A stuck cursor: the next page is announced at the very cursor this page was asked with.
            var stuck = new Paging(
                new PagingCursors(page.First?.Encode() ?? repeated, repeated),
                page.HasPrevious && page.First is { } start ? PagingUrl(call, "before", start.Encode()) : null,
                PagingUrl(call, "after", repeated));
            result["paging"] = JsonSerializer.SerializeToNode(stuck, GraphJson.Options);
            return result;
        }

        if (items.Count == 0 || page.First is not { } first || page.Last is not { } last)
        {
            return result;
        }

        var paging = new Paging(
            new PagingCursors(first.Encode(), last.Encode()),
            page.HasPrevious ? PagingUrl(call, "before", first.Encode()) : null,
            page.HasNext ? PagingUrl(call, "after", last.Encode()) : null);
        result["paging"] = JsonSerializer.SerializeToNode(paging, GraphJson.Options);
        return result;
    }

    private static long _emptyPages;

    private static GraphReply EmptyPageWithNext(GraphCall call, PageKey? after)
    {
        var cursor = (after ?? PageKey.Start).EncodeAgain(Interlocked.Increment(ref _emptyPages));
        var paging = new Paging(new PagingCursors(cursor, cursor), null, PagingUrl(call, "after", cursor));
        var result = new JsonObject
        {
            ["data"] = new JsonArray(),
            ["paging"] = JsonSerializer.SerializeToNode(paging, GraphJson.Options),
        };
        return GraphReply.Json(result);
    }

    /// <summary>The full URL of the next or previous page: the same query without any token or proof.</summary>
    private static string PagingUrl(GraphCall call, string cursorName, string cursor)
    {
        var request = call.Http.Request;
        var query = request.Query
            .Where(p => !PagingParameters.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
            .Append(KeyValuePair.Create(cursorName, (string?)cursor));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }
}
