using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Minerva.Service.Orchestration;

namespace Minerva.Service.Api.Models;

/// <summary>
/// The Durable extension's status query answer, field for field (written with <see cref="ApiJson.OrchestrationOptions"/>):
/// times to the second with a Z as the extension writes them; <c>historyEvents</c> only when asked for.
/// </summary>
public sealed record DurableStatusResponse(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonElement? Input,
    JsonElement? CustomStatus,
    JsonElement? Output,
    string CreatedTime,
    string LastUpdatedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonArray? HistoryEvents)
{
    public static DurableStatusResponse From(DurableInstance i, bool showInput, bool showHistoryOutput) => new(
        i.Name,
        i.InstanceId,
        i.RuntimeStatus.ToString(),
        showInput ? OrchestrationPayloads.Input(i.Name, i.SerializedInput) : null,
        OrchestrationPayloads.CustomStatus(i.Name, i.SerializedCustomStatus),
        OrchestrationPayloads.Output(i.Name, i.SerializedOutput),
        Seconds(i.CreatedTime),
        Seconds(i.LastUpdatedTime),
        i.History is null ? null : DurableHistory.ToJson(i.Name, i.History, showInput, showHistoryOutput));

    private static string Seconds(DateTimeOffset time) => time.UtcDateTime.ToString("s", CultureInfo.InvariantCulture) + "Z";
}

/// <summary>The Durable extension's answer to a purge: <c>{"instancesDeleted": n}</c>.</summary>
public sealed record PurgeHistoryResponse(int InstancesDeleted);

/// <summary>The data of the upload-complete event raised through <c>sendEventPostUri</c>: what PUT /import/{uuid} takes besides "complete".</summary>
public sealed record UploadCompleteEventRequest(string? OnConflict);
