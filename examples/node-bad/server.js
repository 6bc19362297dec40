const http = require('node:http');

http
  .createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello\n');
  })
  .listen(3000);
