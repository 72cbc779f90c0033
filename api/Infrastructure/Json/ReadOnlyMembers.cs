using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Api.Infrastructure.Json;

/// <summary>
/// GET, change, PUT back: the body of a PUT is the resource as GET returns it. Members marked
/// <see cref="ReadOnlyMemberAttribute"/> are optional on input; the ones a body does carry must equal the resource as
/// it is now, so a client never believes it changed something the server ignored. The rule is written once, here:
/// every update handler calls <see cref="EnsureUnchanged"/> with the resource it is about to replace.
/// </summary>
public static class ReadOnlyMembers
{
    private static readonly ConditionalWeakTable<object, HashSet<string>> SentMembers = new();
    private static readonly ConcurrentDictionary<Type, bool> Carries = new();
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        JsonSetup.Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// The JSON contract modifier: a read-only member is not required on input, and reading one remembers that the
    /// body carried it (an omitted <c>childCount</c> and a sent <c>0</c> are different things). A <c>null</c> counts as
    /// omitted, since many generated clients write every unset member as null.
    /// </summary>
    public static void Track(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in info.Properties)
        {
            if (!IsReadOnly(property) || property.Set is not { } set)
            {
                continue;
            }
            var name = property.Name;
            property.IsRequired = false;
            property.Set = (target, value) =>
            {
                set(target, value);
                if (value is not null)
                {
                    SentMembers.GetOrCreateValue(target).Add(name);
                }
            };
        }
    }

    /// <summary>
    /// Refuses (400 <c>request.read-only-changed</c>, the members in <c>errors</c>) a body whose read-only members differ
    /// from the resource now. <paramref name="render"/> gives the resource as it is; it runs once per language, since
    /// a member such as <c>name</c> is in the language of whichever request read it. Items of a list are matched by
    /// their <c>code</c> (or <c>member</c>); a new item has nothing to compare with, so its read-only members are ignored.
    /// </summary>
    public static void EnsureUnchanged(object sent, Func<object> render) =>
        EnsureUnchangedAsync(sent, () => Task.FromResult(render())).GetAwaiter().GetResult();

    /// <inheritdoc cref="EnsureUnchanged"/>
    public static async Task EnsureUnchangedAsync(object sent, Func<Task<object>> render)
    {
        if (!Carries.GetOrAdd(sent.GetType(), CarriesReadOnly))
        {
            return;
        }
        var now = new List<JsonNode?>();
        foreach (var language in Lang.Supported)
        {
            using (Lang.Use(language))
            {
                var resource = await render();
                now.Add(JsonSerializer.SerializeToNode(resource, resource.GetType(), Options));
            }
        }
        var changed = new List<string>();
        Compare(sent, now, "", changed);
        if (changed.Count > 0)
        {
            throw new ApiException(Problems.RequestReadOnlyChanged,
                new($"只读字段与当前资源不一致：{string.Join("、", changed)}。省略它们，或按读取时的原样发送。",
                    $"Read-only members differ from the resource as it is now: {string.Join(", ", changed)}. Leave them out, or send them as read."),
                new Dictionary<string, object?>
                {
                    ["errors"] = changed.ToDictionary(member => member, _ => new[]
                    {
                        Lang.Pick("只读字段，不能通过此请求修改。", "Read-only: it cannot be changed by this request."),
                    }),
                });
        }
    }

    /// <summary>
    /// Compares the body with the resource's JSON member by member (the body's type may differ from the resource's,
    /// as a figure's write body does from the figure, but the members a client can echo have the same names).
    /// </summary>
    private static void Compare(object sent, IReadOnlyList<JsonNode?> now, string path, List<string> changed)
    {
        foreach (var property in Options.GetTypeInfo(sent.GetType()).Properties)
        {
            var name = path + property.Name;
            var value = property.Get!(sent);
            var nowValues = now.Select(resource => resource?[property.Name]).ToList();
            if (IsReadOnly(property))
            {
                if (SentMembers.TryGetValue(sent, out var members) && members.Contains(property.Name) &&
                    !nowValues.Any(current => JsonNode.DeepEquals(Node(value, property.PropertyType), current)))
                {
                    changed.Add(name);
                }
            }
            else if (value is IList items && ItemType(property.PropertyType) is { } itemType && Carries.GetOrAdd(itemType, CarriesReadOnly))
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not { } item || KeyOf(item) is not { } key)
                    {
                        continue;
                    }
                    var counterparts = nowValues.OfType<JsonArray>()
                        .Select(list => list.FirstOrDefault(candidate => candidate?[key.Member]?.GetValueKind() == JsonValueKind.String &&
                                                                          candidate[key.Member]!.GetValue<string>() == key.Value))
                        .Where(candidate => candidate is not null).ToList();
                    if (counterparts.Count > 0)
                    {
                        Compare(item, counterparts, $"{name}[{i}].", changed);
                    }
                }
            }
            else if (value is not null && value is not string && Carries.GetOrAdd(property.PropertyType, CarriesReadOnly))
            {
                Compare(value, nowValues, name + ".", changed);
            }
        }
    }

    private static JsonNode? Node(object? value, Type type) => JsonSerializer.SerializeToNode(value, type, Options);

    /// <summary>What identifies an item of a list: its <c>code</c> (breakdown members) or its <c>member</c> (breakdown values).</summary>
    private static (string Member, string Value)? KeyOf(object item) =>
        item.GetType().GetProperty("Code")?.GetValue(item) is string code ? ("code", code)
        : item.GetType().GetProperty("Member")?.GetValue(item) is string member ? ("member", member)
        : null;

    private static Type? ItemType(Type type) =>
        type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    private static bool IsReadOnly(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(ReadOnlyMemberAttribute), inherit: true) == true;

    /// <summary>Whether a contract type has read-only members, itself or in the objects and lists it holds.</summary>
    private static bool CarriesReadOnly(Type type) => CarriesReadOnly(type, []);

    private static bool CarriesReadOnly(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? ItemType(type) ?? type;
        if (type.Namespace?.StartsWith("Gaoxin.Contracts", StringComparison.Ordinal) != true || !type.IsClass || !seen.Add(type))
        {
            return false;
        }
        return type.GetProperties().Any(p => p.IsDefined(typeof(ReadOnlyMemberAttribute), inherit: true) || CarriesReadOnly(p.PropertyType, seen));
    }
}
