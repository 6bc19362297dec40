import type { DockerfileLintOptions } from '../../../src/dockerfile/index';

/**
 * Positive and negative cases per rule. Most are the documented examples of the equivalent hadolint
 * (DLxxxx), Trivy (DS-xxxx), BuildKit and Checkov checks, written out as Dockerfiles.
 */
export interface Case {
  bad: string[];
  good: string[];
  options?: DockerfileLintOptions;
}

const SAFE = 'FROM alpine:3.20@sha256:' + 'a'.repeat(64) + '\n';

export const CASES: Record<string, Case> = {
  'SG-DF-001': {
    bad: [
      'FROM debian:12\nRUN echo hi\n',
      'FROM debian:12\nUSER app\nUSER root\n',
      'FROM debian:12\nUSER 0\n',
      'FROM debian:12\nUSER root:root\n',
      'FROM debian:12\nUSER 0:0\n',
      'FROM golang:1.22 AS build\nUSER nobody\nFROM debian:12\nCOPY --from=build /a /a\n',
      'FROM scratch\nCOPY app /app\n',
      'FROM gcr.io/distroless/static-debian12\n',
      'FROM debian:12\nUSER 0000\n',
      'FROM debian:12\nARG APP_USER=root\nUSER $APP_USER\n',
      'FROM debian:12\nUSER ${UID:-0}\n',
      'ARG RUN_AS=0\nFROM debian:12\nARG RUN_AS\nUSER ${RUN_AS}:${RUN_AS}\n',
      'FROM debian:12\nARG U=app\nENV U=root\nUSER $U\n',
      'FROM debian:12 AS base\nONBUILD USER root\nUSER app\nFROM base\n',
    ],
    good: [
      'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
      'FROM debian:12\nARG APP_UID=10001\nUSER ${APP_UID}:${APP_UID}\n',
      'FROM debian:12 AS base\nENV APP_USER=app\nFROM base\nUSER $APP_USER\n',
      'FROM debian:12\nUSER app\nONBUILD USER root\n',
      'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n',
      'FROM cgr.dev/chainguard/static:latest\n',
      'FROM debian:12 AS base\nUSER 10001\nFROM base\nRUN true\n',
      'FROM debian:12\nUSER 1000:1000\n',
    ],
  },
  'SG-DF-002': {
    bad: [
      'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n',
      'FROM debian:12\nRUN apt-get install -y build-essential\n',
      'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n',
      'FROM maven:3.9\nRUN mvn package\n',
    ],
    good: [
      'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
      'FROM node:20-slim\nCOPY . .\nRUN npm ci\n',
      'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n',
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13 make=4 musl-dev=1 \\\n && make install \\\n && apk del --no-network .build-deps\n',
      'FROM debian:12\nRUN apt-get install -y build-essential && make && apt-get purge -y --auto-remove build-essential\n',
    ],
  },
  'SG-DF-003': {
    bad: [
      'FROM python:3.12\n',
      'FROM ubuntu:24.04\n',
      'FROM node:20\n',
      'FROM golang:1.22 AS b\nFROM debian:12\n',
    ],
    good: [
      'FROM python:3.12-slim\n',
      'FROM node:20-alpine\n',
      'FROM gcr.io/distroless/base-debian12\n',
      'FROM cgr.dev/chainguard/node\n',
      'FROM scratch\n',
      'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n',
      'FROM redhat/ubi9-micro:9.4\n',
      'FROM busybox:1.36\n',
      'FROM debian:bookworm-slim\n',
      'FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\n',
      'FROM ubuntu:24.04 AS build\nFROM alpine:3.20\n',
    ],
  },
  'SG-DF-004': {
    bad: [
      'FROM alpine:3.20\n',
      'FROM golang:1.22 AS build\nFROM scratch\n',
      'ARG V=3.20\nFROM alpine:${V}\n',
    ],
    good: [SAFE, 'FROM scratch\n', 'FROM alpine:3.20@sha256:' + 'b'.repeat(64) + ' AS a\nFROM a\n'],
  },
  'SG-DF-005': {
    bad: [
      'FROM debian\n',
      'FROM debian:latest\n',
      'FROM ghcr.io/org/app:latest\n',
      'ARG IMG=node\nFROM ${IMG}\n',
    ],
    good: [
      'FROM debian:jessie\n',
      'FROM debian@sha256:' + 'c'.repeat(64) + '\n',
      'FROM scratch\n',
      'FROM alpine:3.20 AS a\nFROM a\n',
    ],
  },
  'SG-DF-006': {
    bad: [
      'FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n',
      'FROM alpine:3.20\nARG GITHUB_TOKEN\n',
      'FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY=x\n',
      'FROM alpine:3.20\nARG api_key=abc\n',
      'FROM alpine:3.20\nENV PRIVATE_KEY value\n',
      'FROM alpine:3.20\nARG NPM_AUTH\n',
      'FROM php:8.3-fpm\nENV APP_KEY=base64:abc\n',
      'FROM alpine:3.20\nARG SSH_KEY\n',
    ],
    good: [
      'FROM alpine:3.20\nENV PASSWORD_FILE=/run/secrets/pw\n',
      'FROM alpine:3.20\nENV SSH_PRIVATE_KEY_PATH=/k\n',
      'FROM alpine:3.20\nENV TOKEN_URL=https://x\n',
      'FROM alpine:3.20\nENV PUBLIC_KEY=abc\n',
      'FROM alpine:3.20\nARG NODE_VERSION=20\n',
      'FROM alpine:3.20\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n',
      'FROM alpine:3.20\nENV AUTH_TYPE=basic\n',
      'FROM alpine:3.20\nENV PWD=/app\n',
    ],
  },
  'SG-DF-007': {
    bad: [
      'FROM alpine:3.20\nENV KEY=AKIAIOSFODNN7EXAMPLE\n',
      'FROM alpine:3.20\nRUN curl -H "Authorization: token ghp_' + 'a1'.repeat(18) + '" https://x\n',
      'FROM alpine:3.20\nCOPY <<EOF /k\n-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----\nEOF\n',
    ],
    good: ['FROM alpine:3.20\nENV KEY=not-a-key\n', 'FROM alpine:3.20\nRUN echo AKIA\n'],
  },
  'SG-DF-008': {
    bad: ['FROM alpine:3.20\nADD run.sh /usr/local/bin/\n', 'FROM alpine:3.20\nADD . /app\n'],
    good: [
      'FROM alpine:3.20\nCOPY run.sh /usr/local/bin/\n',
      'FROM alpine:3.20\nADD rootfs.tar.xz /\n',
      'FROM alpine:3.20\nADD --checksum=sha256:' + 'd'.repeat(64) + ' https://x/y /y\n',
    ],
  },
  'SG-DF-009': {
    bad: [
      'FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/\n',
      'FROM alpine:3.20\nADD https://github.com/org/repo.git /src\n',
    ],
    good: [
      'FROM alpine:3.20\nADD --checksum=sha256:' + 'd'.repeat(64) + ' https://example.com/tool.tgz /tmp/\n',
      'FROM alpine:3.20\nADD https://github.com/org/repo.git#' + 'e'.repeat(40) + ' /src\n',
    ],
  },
  'SG-DF-010': {
    bad: [
      'FROM alpine:3.20\nRUN curl -fsSL https://x.sh | sh\n',
      'FROM alpine:3.20\nRUN wget -qO- https://x.sh | sudo bash -s -- -y\n',
      'FROM alpine:3.20\nRUN sh -c "$(curl -fsSL https://x.sh)"\n',
      'FROM debian:12\nRUN bash <(curl -s https://x.sh)\n',
      'FROM debian:12\nRUN curl -s https://x.py | python3\n',
      'FROM debian:12\nRUN set -e; \\\n  curl -s https://x.sh \\\n  | tee /tmp/i.sh | bash\n',
      'FROM debian:12\nRUN ["sh", "-c", "curl -s https://x.sh | sh"]\n',
    ],
    good: [
      'FROM alpine:3.20\nRUN curl -fsSLo /tmp/i.sh https://x.sh && sha256sum -c s && sh /tmp/i.sh\n',
      'FROM alpine:3.20\nRUN curl -s https://api/x | python3 -c "import json,sys; print(json.load(sys.stdin))"\n',
      'FROM alpine:3.20\nRUN V=$(curl -s https://api/v | jq -r .tag) && echo $V\n',
      'FROM alpine:3.20\nRUN curl -s https://x.tgz | tar xz\n',
    ],
  },
  'SG-DF-011': {
    bad: ['FROM debian:12\nRUN apt-get install python=2.7\n'],
    good: [
      'FROM debian:12\nRUN apt-get install -y python=2.7\n',
      'FROM debian:12\nRUN apt-get -qq install python\n',
      'FROM debian:12\nRUN apt-get install --yes x\n',
    ],
  },
  'SG-DF-012': {
    bad: ['FROM debian:12\nRUN apt-get install -y python=2.7\n'],
    good: [
      'FROM debian:12\nRUN apt-get install -y --no-install-recommends python=2.7\n',
      'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y x\n',
    ],
  },
  'SG-DF-013': {
    bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends python\n'],
    good: [
      'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
      'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\n',
      'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y x\n',
    ],
  },
  'SG-DF-014': {
    bad: ['FROM debian:12\nRUN apt-get install -y python\n'],
    good: [
      'FROM debian:12\nRUN apt-get install -y python=2.7\n',
      'FROM debian:12\nRUN apt-get install -y ./local.deb\n',
    ],
  },
  'SG-DF-015': {
    bad: [
      'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n',
      'FROM debian:12\nRUN apt-get upgrade -y\n',
      'FROM opensuse/leap:15\nRUN zypper dist-upgrade -y\n',
    ],
    good: ['FROM debian:12\nRUN apt-get update && apt-get install -y x\n'],
  },
  'SG-DF-016': {
    bad: ['FROM debian:12\nRUN apt install -y curl\n'],
    good: ['FROM debian:12\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN apt-cache policy curl\n'],
  },
  'SG-DF-017': {
    bad: [
      'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      'FROM alpine:3.20\nRUN apk update\n',
    ],
    good: ['FROM debian:12\nRUN apt-get update && apt-get install -y curl\n'],
  },
  'SG-DF-018': {
    bad: [
      'FROM alpine:3.20\nRUN apk add curl=8.5.0-r0\n',
      'FROM alpine:3.20\nRUN apk update && apk add curl=8.5.0-r0\n',
    ],
    good: [
      'FROM alpine:3.20\nRUN apk add --no-cache curl=8.5.0-r0\n',
      'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n',
    ],
  },
  'SG-DF-019': {
    bad: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n'],
    good: [
      'FROM alpine:3.20\nRUN apk add --no-cache curl=8.5.0-r0\n',
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n',
    ],
  },
  'SG-DF-020': {
    bad: [
      'FROM centos:7\nRUN yum install httpd-2.4.24 && yum clean all\n',
      'FROM fedora:40\nRUN dnf install httpd-2.4 && dnf clean all\n',
      'FROM opensuse/leap:15\nRUN zypper install httpd=2.4 && zypper clean\n',
    ],
    good: [
      'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
      'FROM opensuse/leap:15\nRUN zypper -n install httpd=2.4 && zypper clean\n',
    ],
  },
  'SG-DF-021': {
    bad: [
      'FROM centos:7\nRUN yum install -y httpd-2.4.24\n',
      'FROM fedora:40\nRUN dnf install -y httpd-2.4\n',
      'FROM opensuse/leap:15\nRUN zypper install -y httpd=2.4\n',
      'FROM redhat/ubi9-minimal:9.4\nRUN microdnf install -y httpd\n',
    ],
    good: [
      'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
      'FROM fedora:40\nRUN dnf install -y httpd-2.4 && dnf clean all\n',
      'FROM redhat/ubi9-minimal:9.4\nRUN microdnf install -y httpd && microdnf clean all\n',
    ],
  },
  'SG-DF-022': {
    bad: [
      'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      'FROM opensuse/leap:15\nRUN zypper install -y httpd && zypper clean\n',
    ],
    good: [
      'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
      'FROM opensuse/leap:15\nRUN zypper install -y httpd=2.4 && zypper clean\n',
    ],
  },
  'SG-DF-023': {
    bad: [
      'FROM python:3.12-slim\nRUN pip install django==5.0\n',
      'FROM python:3.12-slim\nRUN python3 -m pip install -r requirements.txt\n',
    ],
    good: [
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir django==5.0\n',
      'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install django==5.0\n',
      'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n',
    ],
  },
  'SG-DF-024': {
    bad: [
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir django\n',
      'FROM python:3.12-slim\nRUN pip3 install --no-cache-dir flask requests==2.0\n',
    ],
    good: [
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir django==5.0\n',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir .\n',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir "django>=5"\n',
    ],
  },
  'SG-DF-025': {
    bad: [
      'FROM node:20-slim\nCOPY package.json ./\nRUN npm install\n',
      'FROM node:20-slim\nRUN yarn install\n',
      'FROM node:20-slim\nRUN pnpm install\n',
      'FROM node:20-slim\nRUN yarn\n',
    ],
    good: [
      'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\n',
      'FROM node:20-slim\nRUN yarn install --frozen-lockfile\n',
      'FROM node:20-slim\nRUN pnpm install --frozen-lockfile\n',
    ],
  },
  'SG-DF-026': {
    bad: [
      'FROM node:20-slim\nRUN npm install -g express\n',
      'FROM node:20-slim\nRUN npm i @angular/cli\n',
      'FROM node:20-slim\nRUN yarn global add typescript\n',
    ],
    good: [
      'FROM node:20-slim\nRUN npm install -g express@4.1.1\n',
      'FROM node:20-slim\nRUN npm i @angular/cli@17\n',
      'FROM node:20-slim\nRUN npm install ./local-pkg\n',
    ],
  },
  'SG-DF-027': {
    bad: [
      'FROM debian:12\nRUN sudo apt-get install -y x\n',
      'FROM debian:12\nRUN apt-get update && sudo -u app make\n',
    ],
    good: ['FROM debian:12\nRUN apt-get install -y sudo\n'],
  },
  'SG-DF-028': {
    bad: [
      'FROM debian:12\nRUN chmod 777 /app\n',
      'FROM debian:12\nRUN chmod -R o+w /data\n',
      'FROM debian:12\nRUN chmod a+rwx /x\n',
      'FROM debian:12\nCOPY --chmod=666 a /a\n',
    ],
    good: [
      'FROM debian:12\nRUN chmod 755 /app\n',
      'FROM debian:12\nRUN chmod 1777 /tmp\n',
      'FROM debian:12\nRUN chmod u+w,go-w /x\n',
    ],
  },
  'SG-DF-029': {
    bad: ['FROM alpine:3.20\nEXPOSE 22\n', 'FROM alpine:3.20\nEXPOSE 80 22/tcp\n'],
    good: ['FROM alpine:3.20\nEXPOSE 80 443\n', 'FROM alpine:3.20\nEXPOSE 2222\n'],
  },
  'SG-DF-030': {
    bad: [
      'FROM alpine:3.20\nEXPOSE 80000\n',
      'FROM alpine:3.20\nEXPOSE 80:80\n',
      'FROM alpine:3.20\nEXPOSE 9000-8000\n',
    ],
    good: [
      'FROM alpine:3.20\nEXPOSE 65535\n',
      'FROM alpine:3.20\nEXPOSE 8000-8010/udp\n',
      'FROM alpine:3.20\nEXPOSE $PORT\n',
    ],
  },
  'SG-DF-031': {
    bad: [
      'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      'FROM python:3.12-slim\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\n',
    ],
    good: ['FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n'],
  },
  'SG-DF-032': {
    bad: [
      'FROM alpine:3.20\nCOPY .env /app/\n',
      'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/\n',
      'FROM alpine:3.20\nCOPY .git /src/.git\n',
      'FROM alpine:3.20\nCOPY server-private.pem /k\n',
      'FROM alpine:3.20\nCOPY .npmrc ./\n',
    ],
    good: [
      'FROM alpine:3.20\nCOPY .env.example /app/\n',
      'FROM alpine:3.20\nCOPY ca-bundle.pem /etc/ssl/\n',
      'FROM alpine:3.20\nCOPY src /app/src\n',
    ],
  },
  'SG-DF-033': {
    bad: ['FROM debian:12\nCMD ["app"]\n', 'FROM node:20-alpine\nCMD ["node", "s.js"]\n'],
    good: [
      'FROM debian:12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
      'FROM debian:12\nHEALTHCHECK NONE\n',
      'FROM gcr.io/distroless/static-debian12:nonroot\n',
      'FROM scratch\n',
    ],
  },
  'SG-DF-034': {
    bad: [
      'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n',
      'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n',
      'FROM alpine:3.20\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\n',
    ],
    good: [
      'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n',
      'FROM alpine:3.20\nENTRYPOINT ["a"]\nCMD ["b"]\n',
    ],
  },
  'SG-DF-035': {
    bad: ['FROM alpine:3.20\nCMD node server.js\n', 'FROM alpine:3.20\nENTRYPOINT /run.sh\n'],
    good: ['FROM alpine:3.20\nCMD ["node", "server.js"]\n'],
  },
  'SG-DF-036': {
    bad: ['FROM alpine:3.20\nWORKDIR usr/src/app\n'],
    good: [
      'FROM alpine:3.20\nWORKDIR /usr/src/app\n',
      'FROM alpine:3.20\nWORKDIR $HOME/app\n',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n',
    ],
  },
  'SG-DF-037': {
    bad: ['FROM alpine:3.20\nRUN cd /usr/src/app && git clone x .\n'],
    good: [
      'FROM alpine:3.20\nWORKDIR /usr/src/app\nRUN git clone x .\n',
      'FROM alpine:3.20\nRUN (cd /x && make)\n',
    ],
  },
  'SG-DF-038': {
    bad: [
      'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=buld /a /a\n',
      'FROM debian:12 AS foo\nCOPY --from=foo /a /a\n',
      'FROM debian:12\nCOPY --from=3 /a /a\n',
    ],
    good: [
      'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /a /a\n',
      'FROM scratch\nCOPY --from=0 /a /a\n'.replace('FROM scratch\n', 'FROM golang:1.22\nFROM scratch\n'),
      'FROM scratch\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx\n',
    ],
  },
  'SG-DF-039': {
    bad: ['FROM node:20 AS build\nFROM golang:1.22 AS BUILD\n'],
    good: ['FROM node:20 AS web\nFROM golang:1.22 AS api\n'],
  },
  'SG-DF-040': {
    bad: ['FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n'],
    good: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n'],
  },
  'SG-DF-041': {
    bad: [
      'FROM debian:12\nUSER app\nCOPY config /home/app/config\n',
      'FROM debian:12\nUSER app\nWORKDIR /home/app\nCOPY . .\n',
    ],
    good: [
      'FROM debian:12\nUSER app\nCOPY --chown=app:app config /home/app/config\n',
      'FROM debian:12\nCOPY config /home/app/config\n',
      'FROM debian:12\nUSER app\nCOPY a /opt/a\n',
    ],
  },
  'SG-DF-042': {
    bad: ['FROM debian:12\nRUN wget -O - https://some.site | wc -l > /number\n'],
    good: [
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n',
      'FROM debian:12\nRUN set -o pipefail && wget -O - https://x | wc -l\n',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n',
    ],
  },
  'SG-DF-043': {
    bad: ['FROM debian:12\nRUN wget http://google.com\nRUN curl http://bing.com\n'],
    good: [
      'FROM debian:12\nRUN curl http://google.com\nRUN curl http://bing.com\n',
      'FROM debian:12 AS a\nRUN wget x\nFROM debian:12\nRUN curl y\n',
    ],
  },
  'SG-DF-044': {
    bad: ['FROM debian:12\nRUN useradd -u 123456 foobar\n'],
    good: [
      'FROM debian:12\nRUN useradd -l -u 123456 foobar\n',
      'FROM debian:12\nRUN useradd -u 1000 foobar\n',
      'FROM debian:12\nRUN useradd --no-log-init -u 123456 foobar\n',
    ],
  },
  'SG-DF-045': {
    bad: [
      'FROM node:20-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
    ],
    good: [
      'FROM node:20-slim\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN echo "//r/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      'FROM node:20-slim\nRUN echo $HOME\n',
    ],
  },
  'SG-DF-046': {
    bad: [
      'FROM alpine:3.20\nRUN git clone https://github.com/org/tool.git\n',
      'FROM alpine:3.20\nRUN git clone -b main https://github.com/org/tool.git\n',
    ],
    good: [
      'FROM alpine:3.20\nRUN git clone --depth 1 --branch v1.4.2 https://github.com/org/tool.git\n',
      'FROM alpine:3.20\nRUN git clone https://x/t.git && git -C t checkout 3f2a1c9d\n',
    ],
  },
  'SG-DF-047': {
    bad: ['FROM alpine:3.20 as build\n', 'FROM alpine:3.20 AS Build\n'],
    good: ['FROM alpine:3.20 AS build\n', 'from alpine:3.20 as build\n'],
  },
  'SG-DF-048': {
    bad: ['FROM alpine:3.20\nrun echo hi\nRUN echo ho\n'],
    good: ['FROM alpine:3.20\nRUN echo hi\n', 'from alpine:3.20\nrun echo hi\n'],
  },
  'SG-DF-049': {
    bad: ['FROM alpine:3.20\n'],
    good: ['FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/o/r"\n'],
  },
  'SG-DF-050': {
    bad: [
      'FROM alpine:3.20\nONBUILD FROM debian:12\n',
      'FROM alpine:3.20\nONBUILD MAINTAINER x\n',
      'FROM alpine:3.20\nSTOPSIGNAL TERMINATE\n',
    ],
    good: [
      'FROM alpine:3.20\nONBUILD RUN echo hi\n',
      'FROM alpine:3.20\nSTOPSIGNAL SIGTERM\n',
      'FROM alpine:3.20\nSTOPSIGNAL 9\n',
    ],
  },
  'SG-DF-051': {
    bad: [
      'FROM alpine:3.20\nRUN curl -k https://x -o y\n',
      'FROM alpine:3.20\nRUN wget --no-check-certificate https://x\n',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir --trusted-host pypi.org x==1\n',
      'FROM node:20-slim\nRUN npm config set strict-ssl false\n',
      'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=true\n',
      'FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      'FROM alpine:3.20\nRUN git config --global http.sslVerify false\n',
      'FROM alpine:3.20\nRUN GIT_SSL_NO_VERIFY=1 git clone --branch v1 https://x\n',
    ],
    good: [
      'FROM alpine:3.20\nRUN curl -fsSL https://x -o y\n',
      'FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n',
      'FROM alpine:3.20\nRUN wget -k https://x\n',
    ],
  },
  'SG-DF-052': {
    bad: [
      'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted x=1\n',
      'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated x\n',
      'FROM fedora:40\nRUN dnf install -y --nogpgcheck x && dnf clean all\n',
      'FROM fedora:40\nRUN rpm -i --nosignature x.rpm\n',
    ],
    good: ['FROM alpine:3.20\nRUN apk add --no-cache x=1\n'],
  },
  'SG-DF-053': {
    bad: ['FROM quay.io/org/tool:1.2\n', 'FROM node:20\n'],
    good: ['FROM registry.example.com/mirror/node:20\n', 'FROM ghcr.io/org/app:1\n', 'FROM scratch\n'],
    options: { allowedRegistries: ['registry.example.com', 'ghcr.io/org'] },
  },
  'SG-DF-054': {
    bad: ['FROM --platform=linux/amd64 alpine:3.20\n', 'FROM --platform=$TARGETPLATFORM alpine:3.20\n'],
    good: ['FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n', 'FROM alpine:3.20\n'],
  },
  'SG-DF-055': {
    bad: ['FROM alpine:3.20\nCOPY a b /app\n', 'FROM alpine:3.20\nCOPY ["a", "b", "/app"]\n'],
    good: [
      'FROM alpine:3.20\nCOPY a b /app/\n',
      'FROM alpine:3.20\nCOPY a b .\n',
      'FROM alpine:3.20\nCOPY a /app\n',
    ],
  },
  'SG-DF-056': {
    bad: ['FROM alpine:3.20\nENV NODE_ENV production\n'],
    good: ['FROM alpine:3.20\nENV NODE_ENV=production\n'],
  },
  'SG-DF-057': {
    bad: ['FROM debian:12\nRUN service nginx start\n', 'FROM debian:12\nRUN top\n'],
    good: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends procps\n'],
  },
  'SG-DF-058': {
    bad: ['FROM alpine:3.20 AS scratch\n', 'FROM alpine:3.20 AS context\n'],
    good: ['FROM alpine:3.20 AS base\n'],
  },
  'SG-DF-059': {
    bad: ['FROM alpine:${ALPINE_VERSION}\n'],
    good: [
      'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n',
      'FROM --platform=$BUILDPLATFORM alpine:3.20\n',
    ],
  },
  'SG-DF-060': {
    bad: [
      'FROM node:20-slim\nCOPY . .\nRUN npm ci\n',
      'FROM node:20-slim\nRUN yarn install --frozen-lockfile\n',
    ],
    good: [
      'FROM node:20-slim\nRUN npm ci --omit=dev\n',
      'FROM node:20-slim\nENV NODE_ENV=production\nRUN npm ci\n',
      'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app /app\n',
    ],
  },
  'SG-DF-061': {
    bad: ['FROM alpine:3.20\nCOPY app.jar app.jar\n'],
    good: [
      'FROM alpine:3.20\nWORKDIR /app\nCOPY app.jar app.jar\n',
      'FROM alpine:3.20\nCOPY app.jar /app/app.jar\n',
    ],
  },
  'SG-DF-062': {
    bad: ['FROM alpine:3.20\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n'],
    good: [
      'FROM alpine:3.20\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n',
      'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n',
    ],
  },
  'SG-DF-063': {
    bad: ['FROM debian:12\nUSER app\n'],
    good: ['FROM debian:12\nUSER 10001:10001\n', 'FROM debian:12\nUSER app\nUSER 1000\n'],
  },
  'SG-DF-064': {
    bad: ['FROM alpine:3.20 AS build\nRUN apk add --no-cache gcc=13\nFROM scratch\nCOPY --from=build / /\n'],
    good: [
      'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /app /\n',
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch AS bin\nCOPY --from=build /out/app /\nFROM alpine:3.20\nCOPY --from=bin / /\n',
      'FROM tonistiigi/xx:1.4 AS xx\nFROM alpine:3.20\nCOPY --from=xx / /\n',
      'FROM alpine:3.20\nCOPY --from=crazymax/yasu:1.2 / /\n',
    ],
  },
  'SG-DF-065': {
    bad: ['FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n'],
    good: [
      'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n',
      'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\n',
    ],
  },
  'SG-DF-066': {
    bad: ['FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n'],
    good: [
      'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
      'FROM debian:12\nRUN <<EOF\necho a\n\necho b\nEOF\n',
    ],
  },
  'SG-DF-067': {
    bad: [
      'FROM debian:12\nRUN wget https://example.com/big.tar.gz\n',
      'FROM debian:12\nRUN wget -cO- https://example.com/q.tgz | tar xz\n',
      'FROM debian:12\nRUN cd /tmp && wget -O app.tgz https://example.com/app.tgz && tar xzf app.tgz\n',
    ],
    good: [
      'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n',
      'FROM alpine:3.20\nRUN wget -qO- https://example.com/x.tgz | tar xz\n',
      'FROM debian:12\nRUN wget -nv https://example.com/big.tar.gz\n',
      'FROM debian:12\nRUN curl -fsSLO https://example.com/big.tar.gz\n',
    ],
  },
  'SG-DF-068': {
    bad: [
      'FROM debian:12\nRUN ./configure\nRUN make\n',
      'FROM debian:12\nRUN ./configure\n# build it\nRUN make\n',
    ],
    good: [
      'FROM debian:12\nRUN ./configure && make\n',
      'FROM debian:12\nRUN ./configure\nWORKDIR /src\nRUN make\n',
      'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache make\nRUN make install\n',
      'FROM debian:12 AS a\nRUN make\nFROM a\nRUN make install\n',
      'FROM debian:12\nRUN apt-get update && apt-get install -y make\nRUN make\n',
    ],
  },
  'SG-DF-069': {
    bad: [
      'FROM node:20-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production\n',
      'FROM node:20-slim AS deps\nRUN yarn install --production\nFROM deps\nCMD ["node", "index.js"]\n',
    ],
    good: [
      'FROM node:20-slim\nRUN yarn install --frozen-lockfile --production && yarn cache clean\n',
      'FROM node:20-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile --production\n',
      'FROM node:20 AS build\nRUN yarn install --frozen-lockfile\nFROM node:20-slim\nCOPY --from=build /app /app\n',
      'FROM node:20-slim\nRUN yarn build\n',
    ],
  },
  'SG-DF-070': {
    bad: [
      'FROM debian:12\nLABEL com.docker.version="1.2"\n',
      'FROM debian:12\nLABEL Maintainer="dev@example.com"\n',
      'FROM debian:12\nLABEL org.example..name=x\n',
      'FROM debian:12\nLABEL org.example.name- =x\n',
      'FROM debian:12\nONBUILD LABEL 1st=x\n',
    ],
    good: [
      'FROM debian:12\nLABEL org.opencontainers.image.version="1.2" org.example.build-3=yes\n',
      'FROM debian:12\nLABEL "org.example.name"="x"\n',
      // A quote inside a quoted value does not split it into more keys.
      'FROM debian:12\nLABEL org.opencontainers.image.description="Used by the world\'s largest sites, Inc." \\\n      org.example.a=b\n',
      'FROM debian:12\nLABEL description This is a legacy, Spaced value\n',
      'ARG NS=org.example\nFROM debian:12\nARG NS\nLABEL ${NS}.name=x\n',
    ],
  },
};
