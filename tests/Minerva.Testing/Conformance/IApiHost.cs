namespace Minerva.Testing.Conformance;

/// <summary>
/// A host of the API under the conformance suite (the standalone host, or the Functions app called in-process),
/// reached over HTTP as its users reach it.
/// </summary>
public interface IApiHost : IAsyncDisposable
{
    /// <summary>Where its routes are (what a user's client is pointed at).</summary>
    Uri BaseAddress { get; }

    /// <summary>What carries the requests there: sockets to a listening host, or an in-process invoker.</summary>
    HttpMessageHandler Handler { get; }
}
