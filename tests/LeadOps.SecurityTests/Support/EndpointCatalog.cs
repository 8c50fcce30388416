using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;

namespace LeadOps.SecurityTests.Support;

/// <summary>A route parameter: its name and the literal segment before it (what it names: "integrations", "runs", …).</summary>
public sealed record RouteParameter(string Name, string? Constraint, string? Before, bool Optional);

/// <summary>A value the request can carry besides the route: its wire name and .NET type.</summary>
public sealed record InputField(string Name, Type Type);

/// <summary>One HTTP endpoint or page handler to probe: method, route pattern, parameters, and the fields it reads.</summary>
public sealed record ProbeTarget(string Kind, string Method, string Pattern, string? Handler, IReadOnlyList<RouteParameter> Route, IReadOnlyList<InputField> Query, IReadOnlyList<InputField> Body, bool TakesBody)
{
    public override string ToString() => $"{Method} /{Pattern}{(Handler is null ? "" : "?handler=" + Handler)}";
}

/// <summary>
/// Every endpoint the running app maps (its <see cref="EndpointDataSource"/>) and every Razor page handler (from the
/// pages' compiled action descriptors), so routes and handlers added later are probed without anyone listing them.
/// The SignalR hub is left out: it is not an HTTP API.
/// </summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<ProbeTarget>> ReadAsync(IServiceProvider services)
    {
        var targets = new List<ProbeTarget>();
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HubMetadata>() is not null)
            {
                continue;
            }

            var route = RouteOf(endpoint.RoutePattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
                targets.AddRange(PageHandlers(compiled, endpoint.RoutePattern.RawText ?? string.Empty, route));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var query = handler?.GetParameters().Where(p => IsSimple(p.ParameterType) && route.All(r => !string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(p => new InputField(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, p.ParameterType)).ToList() ?? [];
            var body = accepts?.RequestType is { } type ? FieldsOf(type, prefix: null, snakeCase: true) : [];
            foreach (var method in methods)
            {
                targets.Add(new ProbeTarget("api", method, endpoint.RoutePattern.RawText!.TrimStart('/'), null, route, query, body, accepts is not null || handler is null || ReadsRequest(handler)));
            }
        }

        return targets;
    }

    private static IEnumerable<ProbeTarget> PageHandlers(CompiledPageActionDescriptor page, string pattern, IReadOnlyList<RouteParameter> route)
    {
        foreach (var handler in page.HandlerMethods)
        {
            var isGet = string.Equals(handler.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase);
            var fields = new List<InputField>();
            foreach (var parameter in handler.Parameters)
            {
                if (IsSimple(parameter.ParameterType) && route.All(r => !string.Equals(r.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    fields.Add(new InputField(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType));
                }
            }

            foreach (var property in page.BoundProperties.OfType<PageBoundPropertyDescriptor>())
            {
                var supportsGet = property.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true;
                if (isGet && !supportsGet)
                {
                    continue;
                }

                var name = property.BindingInfo?.BinderModelName ?? property.Name;
                fields.AddRange(IsSimple(property.ParameterType) ? [new InputField(name, property.ParameterType)] : FieldsOf(property.ParameterType, name, snakeCase: false));
            }

            yield return new ProbeTarget("page", handler.HttpMethod.ToUpperInvariant(), pattern, handler.Name, route, isGet ? fields : [], isGet ? [] : fields, !isGet);
        }
    }

    private static List<RouteParameter> RouteOf(RoutePattern pattern)
    {
        var result = new List<RouteParameter>();
        string? before = null;
        foreach (var segment in pattern.PathSegments)
        {
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternLiteralPart literal)
                {
                    before = literal.Content;
                }
                else if (part is RoutePatternParameterPart parameter)
                {
                    var constraint = pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies) && policies.Count > 0 ? policies[0].Content : null;
                    result.Add(new RouteParameter(parameter.Name, constraint, before, parameter.IsOptional));
                }
            }
        }

        return result;
    }

    private static List<InputField> FieldsOf(Type type, string? prefix, bool snakeCase) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || type.IsAssignableTo(typeof(object)))
            .Where(p => IsSimple(p.PropertyType) || IsList(p.PropertyType))
            .Select(p => new InputField(
                prefix is null ? (snakeCase ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) : p.Name) : $"{prefix}.{p.Name}",
                p.PropertyType))];

    private static bool ReadsRequest(MethodInfo handler) =>
        handler.GetParameters().Any(p => p.ParameterType == typeof(HttpContext) || p.ParameterType == typeof(HttpRequest));

    private static bool IsList(Type type) => type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable));

    public static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeSpan);
    }
}
