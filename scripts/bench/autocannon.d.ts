// The few parts of autocannon's API the server benchmarks use (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
  }
  interface RequestStep {
    method?: string;
    body?: string;
    /** Called before each request: what it returns is sent. */
    setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
  }
  export default function autocannon(options: {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: RequestStep[];
  }): Promise<Result>;
}
