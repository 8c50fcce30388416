using System.Text.Json.Serialization.Metadata;
using LeadOps.Infrastructure.Graph.Dtos;

namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Applied to every Graph answer type: a property that holds one of Graph's objects reads a value of another JSON type
/// as not given (<see cref="LenientObjectConverter{T}"/>), and a property that holds a list reads a lone value as a list
/// of it and leaves out the items it cannot read (<see cref="LenientListConverter{T}"/>). A property with a converter of
/// its own keeps it. Not a page's <c>paging</c> or its <c>data</c>: a page whose paging or whose list cannot be read is
/// refused (the run fails and is tried again) rather than read as the last page, or as a page with nothing on it, either
/// of which would skip leads.
/// </summary>
internal static class LenientShapes
{
    public static void Apply(JsonTypeInfo type)
    {
        var page = type.Type.IsGenericType && type.Type.GetGenericTypeDefinition() == typeof(GraphListResponse<>);
        foreach (var property in type.Properties.Where(p => p.CustomConverter is null))
        {
            var held = property.PropertyType;
            var converter = held.IsGenericType && held.GetGenericTypeDefinition() == typeof(List<>)
                ? Activator.CreateInstance(typeof(LenientListConverter<>).MakeGenericType(held.GetGenericArguments()), [page && property.Name == "data"])
                : held.IsClass && held.Namespace == typeof(GraphLeadDto).Namespace && held != typeof(GraphPagingDto)
                    ? Activator.CreateInstance(typeof(LenientObjectConverter<>).MakeGenericType(held))
                    : null;
            if (converter is not null)
            {
                property.CustomConverter = (JsonConverter)converter;
            }
        }
    }
}
