// Reads the body and answers as the collector does, nothing more.
export default {
  async fetch(request) {
    if (request.method === 'POST') await request.arrayBuffer();
    return Response.json({ id: crypto.randomUUID().replaceAll('-', '') });
  },
};
