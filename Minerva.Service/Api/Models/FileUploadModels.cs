using System.Text.Json.Serialization;

namespace Minerva.Service.Api.Models;

/// <summary>The JSON part describing one file of POST /import/{uuid}/files.</summary>
public sealed record FileMetadata(string? Id, string? Hash, string? Type, string? Format);

/// <summary>
/// The answer for one file: its object key as <c>fileId</c> when stored (camelCase as in the seed API), the
/// base64 SHA-256 of its content (or the given hash when the repository already holds it), and its errors.
/// </summary>
public sealed record FileUploadResult(
    string Id,
    [property: JsonPropertyName("fileId")] string? FileId,
    string? Hash,
    IReadOnlyList<string> Errors);
