using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// The rules every entity's mapping follows, so the configurations state only what differs from them. Besides EF's own
/// conventions (the key is <c>Id</c>; a non-nullable reference type is a required column):
/// <list type="bullet">
/// <item>an enum is stored as its name, in a column of <see cref="EnumLength"/> characters, unless its configuration
/// says otherwise (a longer column, or <c>HasConversion&lt;int&gt;()</c> to store its number);</item>
/// <item>a text property <c>Foo</c> of an entity that declares a constant <c>FooLength</c> gets that column limit, the
/// same constant the Domain and validation use, unless its configuration sets another.</item>
/// </list>
/// </summary>
internal static class ModelConventions
{
    public const int EnumLength = 20;

    public static void Apply(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum && property.GetProviderClrType() is null && property.GetValueConverter() is null)
            {
                property.SetProviderClrType(typeof(string));
                property.SetMaxLength(property.GetMaxLength() ?? EnumLength);
            }
            else if (type == typeof(string) && property.GetMaxLength() is null && LengthConstant(property) is { } length)
            {
                property.SetMaxLength(length);
            }
        }
    }

    private static int? LengthConstant(IMutableProperty property) =>
        property.DeclaringType.ClrType.GetField(property.Name + "Length", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            is { IsLiteral: true } field && field.GetRawConstantValue() is int length ? length : null;
}
