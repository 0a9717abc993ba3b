using System.Collections;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Minerva.Service.Api;

/// <summary>
/// Turns a caller's JSON into a request model and answers every mistake in plain words: a body larger than
/// <see cref="ApiLimits.JsonBodyBytes"/> (413), text that is not JSON, JSON of another shape, a field of the wrong
/// type, a field the route does not take, or the same field twice (400). No .NET type name reaches the caller.
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength > ApiLimits.JsonBodyBytes)
        {
            throw TooLarge();
        }

        using var body = new MemoryStream();
        var block = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(block, ct)) > 0)
        {
            if (body.Length + read > ApiLimits.JsonBodyBytes)
            {
                throw TooLarge();
            }

            body.Write(block, 0, read);
        }

        return Parse<T>(body.GetBuffer().AsMemory(0, (int)body.Length), "The request body");
    }

    /// <summary>
    /// Parses <paramref name="json"/>; <paramref name="subject"/> names it in errors ("The request body", "The part
    /// 'p1'"), <paramref name="code"/> is the error code of JSON that does not fit.
    /// </summary>
    public static T Parse<T>(ReadOnlyMemory<byte> json, string subject, string code = "invalid_json")
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest(code, json.IsEmpty
                ? $"{subject} is empty; {Kind(typeof(T))} is expected."
                : $"{subject} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }

        using (document)
        {
            RefuseRepeatedFields(document.RootElement, subject, code);
            try
            {
                return document.Deserialize<T>(ApiJson.Options)
                    ?? throw ApiException.BadRequest(code, $"{subject} is JSON null; {Kind(typeof(T))} is expected.");
            }
            catch (JsonException e)
            {
                throw Describe(typeof(T), document.RootElement, e.Path, subject, code);
            }
        }
    }

    private static ApiException TooLarge() => new(
        StatusCodes.Status413PayloadTooLarge, "too_large", $"The request body is larger than {ApiLimits.JsonBodyBytes / 1024} KiB, the most a JSON body of this API may be.");

    private static void RefuseRepeatedFields(JsonElement root, string subject, string code)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw ApiException.BadRequest(code, $"{subject} has the field '{ApiRequests.Quote(property.Name)}' more than once.");
            }
        }
    }

    /// <summary>Which part of the JSON did not fit the model, from the failing path ("$", "$.name", "$[3]").</summary>
    private static ApiException Describe(Type model, JsonElement root, string? path, string subject, string code)
    {
        if (path is null || path == "$")
        {
            return ApiException.BadRequest(code, $"{subject} must be {Kind(model)}, not {KindOf(root)}.");
        }

        if (path.StartsWith("$[", StringComparison.Ordinal) && root.ValueKind == JsonValueKind.Array)
        {
            var index = int.Parse(path.AsSpan(2, path.IndexOf(']') - 2), System.Globalization.CultureInfo.InvariantCulture);
            var element = model.IsArray ? model.GetElementType()! : typeof(object);
            return ApiException.BadRequest(code, $"Item {index} of {Lower(subject)} must be {Kind(element)}, not {KindOf(root[index])}.");
        }

        var name = FirstField(path);
        var info = ApiJson.Options.GetTypeInfo(model);
        var property = info.Properties.FirstOrDefault(p => p.Name == name);
        if (property is null)
        {
            return ApiException.BadRequest(
                "unknown_field",
                $"{subject} has a field '{ApiRequests.Quote(name)}' that this route does not take; its fields are {string.Join(", ", info.Properties.Select(p => $"'{p.Name}'"))}.");
        }

        var value = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) ? KindOf(v) : "something else";
        return ApiException.BadRequest(code, $"The field '{name}' of {Lower(subject)} must be {Kind(property.PropertyType)}, not {value}.");
    }

    /// <summary>The first property name of a JSON path: "$.name.x" → "name", "$['a b'][0]" → "a b".</summary>
    private static string FirstField(string path)
    {
        if (path.StartsWith("$['", StringComparison.Ordinal))
        {
            var end = path.IndexOf("']", 3, StringComparison.Ordinal);
            return end < 0 ? path[3..] : path[3..end];
        }

        var rest = path[2..];
        var stop = rest.IndexOfAny(['.', '[']);
        return stop < 0 ? rest : rest[..stop];
    }

    private static string Lower(string subject) => char.ToLowerInvariant(subject[0]) + subject[1..];

    private static string Kind(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) ? "a string"
            : t == typeof(bool) ? "true or false"
            : t.IsPrimitive || t == typeof(decimal) ? "a number"
            : t.IsArray ? $"an array of {Plural(t.GetElementType()!)}"
            : typeof(IEnumerable).IsAssignableFrom(t) ? "an array"
            : "a JSON object";
    }

    private static string Plural(Type element) => element == typeof(string) ? "strings" : "values";

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
