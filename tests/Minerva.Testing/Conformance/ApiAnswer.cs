using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace Minerva.Testing.Conformance;

/// <summary>One answer of the API under test.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, byte[] Bytes, string Request)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);

    public JsonElement Json => JsonDocument.Parse(Bytes).RootElement.Clone();

    /// <summary>The body's field names, in order.</summary>
    public IEnumerable<string> Fields => Json.EnumerateObject().Select(p => p.Name);

    public ApiAnswer Expect(HttpStatusCode status)
    {
        Assert.True(status == Status, $"{Request}: expected {(int)status}, got {(int)Status}: {Text}");
        return this;
    }

    /// <summary>The API's JSON error with this status and code, and a sentence of detail.</summary>
    public void ExpectError(HttpStatusCode status, string code)
    {
        Expect(status);
        Assert.Equal("application/json", ContentHeaders.ContentType?.MediaType);
        Assert.Equal(code, Json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Json.GetProperty("detail").GetString()));
    }
}
