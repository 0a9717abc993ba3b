using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Minerva.Functions.Orchestration;

/// <summary>
/// The TaskActivityContext a shared activity expects; an [ActivityTrigger] has none, so it is made from the
/// function's name and the orchestration instance id in the trigger's binding data (what the Durable Task
/// source generator does for class-based activities).
/// </summary>
internal sealed class FunctionActivityContext(string name, FunctionContext function) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } =
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
}
