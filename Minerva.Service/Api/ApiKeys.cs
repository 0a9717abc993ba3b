using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;

namespace Minerva.Service.Api;

/// <summary>Maps a request's <c>x-api-key</c> header to the user it belongs to (configuration Minerva:ApiKeys).</summary>
public sealed class ApiKeys(IOptionsMonitor<MinervaOptions> options)
{
    public const string Header = "x-api-key";

    /// <summary>The calling user; a missing or unknown key is a 401.</summary>
    public string UserOf(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, "unauthorized", $"The request has no {Header} header.");
        }

        return options.CurrentValue.ApiKeys.TryGetValue(key, out var user) && user.Length > 0
            ? user
            : throw new ApiException(StatusCodes.Status401Unauthorized, "unauthorized", $"The {Header} header names no known API key.");
    }
}
