using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Minerva.Service.Api;

/// <summary>
/// The management links Durable Functions' <c>CreateCheckStatusResponse</c> gives for an orchestration instance, with
/// its field names, pointing at the instance routes of this API (<see cref="ApiRoutes.DurableInstance"/>) on the host
/// the request came to. They take the caller's API key like every route, and act on the import, not on the bare
/// orchestration: see <see cref="DurableStatusHandlers"/>.
/// </summary>
public sealed record ManagementLinks(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("statusQueryGetUri")] string StatusQueryGetUri,
    [property: JsonPropertyName("sendEventPostUri")] string SendEventPostUri,
    [property: JsonPropertyName("terminatePostUri")] string TerminatePostUri,
    [property: JsonPropertyName("purgeHistoryDeleteUri")] string PurgeHistoryDeleteUri,
    [property: JsonPropertyName("restartPostUri")] string RestartPostUri,
    [property: JsonPropertyName("suspendPostUri")] string SuspendPostUri,
    [property: JsonPropertyName("resumePostUri")] string ResumePostUri)
{
    public static ManagementLinks For(HttpRequest request, string instanceId)
    {
        // Behind the Functions host the worker sees the original scheme and host through X-Forwarded-* headers.
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}/"
            + ApiRoutes.DurableInstance.Replace("{id}", Uri.EscapeDataString(instanceId), StringComparison.Ordinal);
        return new(
            instanceId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance,
            instance + "/restart",
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}");
    }

    /// <summary>An API answer with these links beside its own fields, where Durable clients look for them.</summary>
    public JsonObject AddTo(object answer)
    {
        var body = JsonSerializer.SerializeToNode(answer, answer.GetType(), ApiJson.Options)!.AsObject();
        foreach (var (name, value) in JsonSerializer.SerializeToNode(this)!.AsObject().ToList())
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }
}
