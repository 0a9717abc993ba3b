using Microsoft.AspNetCore.Http;

namespace Minerva.Service.Api;

/// <summary>Reading and validating what callers send.</summary>
public static class ApiRequests
{
    /// <summary>The JSON body as <typeparamref name="T"/>; a missing, empty, malformed or oversized body is a 400 or 413.</summary>
    public static Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class => JsonBody.ReadAsync<T>(request, ct);

    /// <summary>The canonical (lowercase, hyphenated) form of a uuid from a route; anything else is a 400.</summary>
    public static string Uuid(string value) =>
        Guid.TryParseExact(value, "D", out var uuid)
            ? uuid.ToString()
            : throw ApiException.BadRequest("invalid_uuid", $"'{Quote(value)}' is not a uuid (expected the form 123e4567-e89b-12d3-a456-426614174000).");

    /// <summary>A required, non-blank string field.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw ApiException.BadRequest("missing_field", $"The field '{field}' is required and must be a non-empty string.")
            : value.Trim();

    /// <summary>A required name of at most <see cref="ApiLimits.NameLength"/> characters, without control characters.</summary>
    public static string Name(string? value, string field)
    {
        var name = Required(value, field);
        if (name.Length > ApiLimits.NameLength)
        {
            throw ApiException.BadRequest("invalid_field", $"The field '{field}' has {name.Length} characters; a name may have at most {ApiLimits.NameLength}.");
        }

        return name.Any(char.IsControl)
            ? throw ApiException.BadRequest("invalid_field", $"The field '{field}' contains control characters (such as line breaks); a name must not.")
            : name;
    }

    /// <summary>
    /// An enum field by one of its names (case-insensitive). Only a single name is accepted: no numbers, and no
    /// comma-separated combinations, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would read as flags.
    /// </summary>
    public static TEnum Enum<TEnum>(string? value, string field)
        where TEnum : struct, Enum =>
        System.Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? System.Enum.Parse<TEnum>(name)
            : throw ApiException.BadRequest(
                "invalid_field",
                $"The field '{field}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => $"\"{n}\""))}; got \"{Quote(value ?? "")}\".");

    /// <summary>A caller's value as an error message repeats it: cut to <see cref="ApiLimits.QuotedLength"/> characters.</summary>
    public static string Quote(string value) =>
        value.Length <= ApiLimits.QuotedLength ? value : value[..ApiLimits.QuotedLength] + $"… ({value.Length} characters)";
}
