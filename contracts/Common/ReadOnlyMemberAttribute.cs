namespace Gaoxin.Contracts.Common;

/// <summary>
/// A member the server sets (a code in the path, a name in the response language, a count, the version). It is
/// <c>readOnly</c> in openapi.json, so one schema serves both GET and PUT: a client may send a resource back as it
/// read it. On a write the member may be left out; when sent, it must equal the resource as it is now, else the
/// write is refused (<c>request.read-only-changed</c>) rather than silently ignoring what the client meant to change.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReadOnlyMemberAttribute : Attribute;
