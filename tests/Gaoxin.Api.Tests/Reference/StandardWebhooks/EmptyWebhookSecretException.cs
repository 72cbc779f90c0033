// The reference implementation of the Standard Webhooks specification, as published in
// https://github.com/standard-webhooks/standard-webhooks (libraries/csharp/StandardWebhooks, commit
// b2fa7b8719fb75d326b591077f5d1b385cfcdfae), Apache License 2.0. Copied unchanged, except that the exceptions drop their
// obsolete serialization constructors, so the tests verify deliveries with the specification's own code, not ours.
// (NuGet has no package of it; "StandardWebhooks" on NuGet is a different, third-party implementation.)
using System;

namespace StandardWebhooks.Exceptions
{

    [Serializable]
    public class EmptyWebhookSecretException : Exception
    {
        public EmptyWebhookSecretException() : base() { }
        public EmptyWebhookSecretException(string message) : base(message) { }
        public EmptyWebhookSecretException(string message, Exception inner) : base(message, inner) { }

    }
}
