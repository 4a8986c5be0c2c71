// Recognises targets inside the proxy's own network, so a deployment cannot be used to reach its metadata
// service (169.254.169.254), its loopback interface or its LAN (server-side request forgery).

/**
 * Whether a URL's host name (as `URL.hostname` gives it: IPv4 already normalised from forms such as `0x7f.1` or
 * `2130706433`, IPv6 in brackets) is `localhost` or a loopback, private, link-local, unique-local, unspecified,
 * multicast or IPv4-mapped address. Only literals and `localhost` names are recognised: a public name that
 * resolves to a private address is not caught here (edge runtimes offer no DNS lookup), which is one reason the
 * proxy also requires every host to be allow-listed.
 */
export function isPrivateHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name.startsWith('[') && name.endsWith(']')) {
    const groups = parseIpv6(name.slice(1, -1));
    // An address we cannot read is refused rather than let through.
    return groups === null || isPrivateIpv6(groups);
  }
  const octets = parseIpv4(name);
  return octets !== null && isPrivateIpv4(octets);
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // "this network", including 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT (RFC 6598)
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast, reserved and broadcast
  );
}

function isPrivateIpv6(groups: number[]): boolean {
  const [first = 0, second = 0] = groups;
  const zero = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  if (zero(0, 6)) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (zero(0, 5) && groups[5] === 0xffff) return true; // IPv4-mapped ::ffff:a.b.c.d
  if (first === 0x64 && second === 0xff9b && zero(2, 6)) return isPrivateIpv4(embeddedIpv4(groups)); // NAT64
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xffc0) === 0xfec0 || // deprecated site-local fec0::/10
    (first & 0xff00) === 0xff00 // multicast ff00::/8
  );
}

function embeddedIpv4(groups: number[]): number[] {
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

function parseIpv4(text: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (match === null) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address, or null if it is not one. */
function parseIpv6(text: string): number[] | null {
  let body = text;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body)?.[1];
  if (dotted !== undefined) {
    const octets = parseIpv4(dotted);
    if (octets === null) return null;
    const [a = 0, b = 0, c = 0, d = 0] = octets;
    body = `${body.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const [head = '', tail = ''] = halves;
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups.map((group) => parseInt(group, 16)) : null;
}
