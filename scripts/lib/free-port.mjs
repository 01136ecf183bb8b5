import net from "node:net"

/** A TCP port free on 127.0.0.1 right now (the OS picks it), for a server or database started next. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
