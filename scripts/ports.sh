# ports.sh: sourced by the start scripts. Loopback port helpers.
#   freeport       prints a port nothing is bound to right now
#   portfree PORT  succeeds when a server may listen on PORT now
# portfree binds with SO_REUSEADDR, as RGW, Azurite (node) and Kestrel do for their listeners: connections of a
# crashed run still in TIME_WAIT do not block the port (a plain bind would refuse it for a minute); only a live
# listener does.
PORTS_PY=/usr/bin/python3
freeport() { $PORTS_PY -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
portfree() { $PORTS_PY -c 'import socket,sys
s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("127.0.0.1",int(sys.argv[1])));s.listen()' "$1" 2>/dev/null; }
