/**
 * The cases of hadolint's own rule specs (test/Hadolint/Rule/DLxxxxSpec.hs), written out as Dockerfiles and
 * checked against the equivalent shipgate rule. Snippets without FROM get one (shipgate requires it).
 * `differs` records where shipgate deliberately decides otherwise, and why.
 */
import { describe, expect, it } from 'vitest';
import { hits } from './helpers';

interface HadolintCase {
  catches: boolean;
  dockerfile: string;
  differs?: string;
}

const F = (body: string) => (/^\s*FROM/m.test(body.split('\n')[0] ?? '') ? body : `FROM debian:12\n${body}`);

const SPECS: Record<string, { rule: string; cases: HadolintCase[] }> = {
  DL3002: {
    rule: 'SG-DF-001',
    cases: [
      { catches: true, dockerfile: 'FROM scratch\nUSER root\n' },
      { catches: false, dockerfile: 'FROM scratch\nUSER foo\n' },
      { catches: true, dockerfile: 'FROM scratch\nUSER 0\n' },
      { catches: true, dockerfile: 'FROM scratch\nUSER root:root\n' },
      { catches: true, dockerfile: 'FROM scratch\nUSER 0:0\n' },
      { catches: false, dockerfile: 'FROM scratch\nUSER root\nRUN something\nUSER foo\n' },
      {
        catches: true,
        dockerfile: 'FROM debian as base\nUSER root\nRUN something\nFROM base\nRUN something else\n',
      },
      {
        catches: true,
        dockerfile:
          'FROM debian as base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n',
        differs: 'only the final stage ships; a root USER in a build stage is not a finding',
      },
      {
        catches: false,
        dockerfile:
          'FROM debian as base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n',
        differs: 'the final stage (scratch) sets no USER, so it runs as root',
      },
    ],
  },
  DL3003: {
    rule: 'SG-DF-037',
    cases: [
      { catches: false, dockerfile: F('WORKDIR /opt\n') },
      { catches: true, dockerfile: F('RUN cd /opt\n') },
    ],
  },
  DL3014: {
    rule: 'SG-DF-011',
    cases: [
      { catches: true, dockerfile: F('RUN apt-get install python\n') },
      { catches: false, dockerfile: F('RUN apt-get install -yq python\n') },
      { catches: false, dockerfile: F('RUN apt-get install -qq python\n') },
      { catches: false, dockerfile: F('RUN apt-get install -y python\n') },
      { catches: false, dockerfile: F('RUN apt-get -y install python\n') },
      { catches: false, dockerfile: F('RUN apt-get --yes install python\n') },
      { catches: false, dockerfile: F('RUN apt-get --assume-yes install python\n') },
    ],
  },
  DL3015: {
    rule: 'SG-DF-012',
    cases: [
      { catches: false, dockerfile: F('RUN apt-get install --no-install-recommends python\n') },
      { catches: true, dockerfile: F('RUN apt-get install python\n') },
      { catches: true, dockerfile: F('RUN apt-get -y install python\n') },
      { catches: false, dockerfile: F('RUN apt-get -o APT::Install-Recommends=false install python\n') },
    ],
  },
  DL3019: {
    rule: 'SG-DF-018',
    cases: [
      { catches: true, dockerfile: F('RUN apk add flex=2.6.4-r1\n') },
      { catches: false, dockerfile: F('RUN apk add --no-cache flex=2.6.4-r1\n') },
      {
        catches: false,
        dockerfile: F('RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n'),
      },
      {
        catches: false,
        dockerfile: F('RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n'),
      },
      {
        catches: true,
        dockerfile: F('RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n'),
      },
    ],
  },
  DL3020: {
    rule: 'SG-DF-008',
    cases: [
      { catches: false, dockerfile: F('ADD file.tar /usr/src/app/\n') },
      { catches: false, dockerfile: F('ADD file.gz /usr/src/app/\n') },
      { catches: false, dockerfile: F('ADD file.bz2 /usr/src/app/\n') },
      { catches: false, dockerfile: F('ADD file.xz /usr/src/app/\n') },
      { catches: false, dockerfile: F('ADD file.tgz /usr/src/app/\n') },
      { catches: false, dockerfile: F('ADD http://file.com /usr/src/app/\n') },
      { catches: true, dockerfile: F('ADD file /usr/src/app/\n') },
      { catches: true, dockerfile: F('ADD file.zip /usr/src/app/\n') },
      { catches: false, dockerfile: F('ADD "file.tgz" /usr/src/app/\n') },
      { catches: false, dockerfile: F('ADD "http://file.com" /usr/src/app/\n') },
      { catches: true, dockerfile: F('ADD "file.zip" /usr/src/app/\n') },
    ],
  },
  DL3006: {
    rule: 'SG-DF-005',
    cases: [
      { catches: true, dockerfile: 'FROM debian\n' },
      { catches: true, dockerfile: 'FROM debian AS builder\n' },
      { catches: false, dockerfile: 'FROM ruby@sha256:f1dbca0f5dbc9\n' },
      { catches: false, dockerfile: 'FROM ruby:2\n' },
      { catches: false, dockerfile: 'FROM ${VALUE}\n' },
      {
        catches: false,
        dockerfile:
          'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n',
      },
      {
        catches: true,
        dockerfile:
          'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n',
      },
      { catches: false, dockerfile: 'FROM scratch\n' },
    ],
  },
  DL3007: {
    rule: 'SG-DF-005',
    cases: [
      { catches: true, dockerfile: 'FROM debian:latest\n' },
      { catches: true, dockerfile: 'FROM debian:latest AS builder\n' },
      { catches: false, dockerfile: 'FROM debian:jessie\n' },
      {
        catches: false,
        dockerfile:
          'FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n',
      },
      { catches: false, dockerfile: 'FROM debian:jessie AS builder\n' },
    ],
  },
  DL3025: {
    rule: 'SG-DF-035',
    cases: [
      { catches: true, dockerfile: 'FROM node as foo\nENTRYPOINT something\n' },
      { catches: false, dockerfile: 'FROM scratch as build\nENTRYPOINT ["foo", "bar"]\n' },
      { catches: true, dockerfile: 'FROM node as foo\nCMD something\n' },
      { catches: false, dockerfile: 'FROM scratch as build\nCMD ["foo", "bar"]\nCMD [ "foo", "bar" ]\n' },
    ],
  },
  DL3030: {
    rule: 'SG-DF-020',
    cases: [
      { catches: true, dockerfile: F('RUN yum install httpd-2.4.24 && yum clean all\n') },
      { catches: false, dockerfile: F('RUN yum install -y httpd-2.4.24 && yum clean all\n') },
      { catches: false, dockerfile: F('RUN bash -c `# not even a yum command`\n') },
    ],
  },
  DL3032: {
    rule: 'SG-DF-021',
    cases: [
      { catches: true, dockerfile: F('RUN yum install -y mariadb-10.4\n') },
      { catches: false, dockerfile: F('RUN yum install -y mariadb-10.4 && yum clean all\n') },
      { catches: false, dockerfile: F('RUN bash -c `# not even a yum command`\n') },
    ],
  },
  DL3033: {
    rule: 'SG-DF-022',
    cases: [
      { catches: true, dockerfile: F('RUN yum install -y tomcat && yum clean all\n') },
      { catches: false, dockerfile: F('RUN yum install -y tomcat-9.2 && yum clean all\n') },
      { catches: false, dockerfile: F('RUN yum install -y openssl-1:1.1.1k\n') },
      { catches: false, dockerfile: F('RUN yum install -y rpm-sign-4.16.1.3\n') },
      { catches: false, dockerfile: F('RUN yum install -y gcc-c++-1.1.1\n') },
      { catches: true, dockerfile: F('RUN yum module install -y tomcat && yum clean all\n') },
      { catches: false, dockerfile: F('RUN yum module install -y tomcat:9 && yum clean all\n') },
      { catches: false, dockerfile: F('RUN yum install -y "git-core-${GIT_VER}" && yum clean all\n') },
      { catches: false, dockerfile: F('RUN yum install -y "which-${WHICH_VERSION}" && yum clean all\n') },
      { catches: false, dockerfile: F('RUN yum install -y tomcat-$VERSION && yum clean all\n') },
    ],
  },
  DL3046: {
    rule: 'SG-DF-044',
    cases: [
      { catches: false, dockerfile: F('RUN useradd luser\n') },
      { catches: false, dockerfile: F('RUN useradd -u 12345 luser\n') },
      { catches: false, dockerfile: F('RUN useradd -l -u 123456 luser\n') },
      { catches: false, dockerfile: F('RUN useradd -l luser\n') },
      { catches: true, dockerfile: F('RUN useradd -u 123456 luser\n') },
    ],
  },
  DL3064: {
    rule: 'SG-DF-006',
    cases: [
      { catches: false, dockerfile: 'FROM debian:bullseye\nRUN foobar\n' },
      { catches: false, dockerfile: 'ARG foobar\nFROM debian:bullseye\nRUN foobar\n' },
      { catches: false, dockerfile: 'FROM debian:bullseye\nENV foobar=barfoo\nRUN foobar\n' },
      { catches: true, dockerfile: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bullseye\nRUN foobar\n' },
      { catches: true, dockerfile: 'ARG openai_api_key\nFROM debian:bullseye\nRUN foobar\n' },
      {
        catches: true,
        dockerfile: 'FROM debian:bullseye\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n',
      },
      {
        catches: true,
        dockerfile: 'FROM debian:bullseye\nENV my_password=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n',
      },
    ],
  },
  DL4001: {
    rule: 'SG-DF-043',
    cases: [
      { catches: true, dockerfile: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\n' },
      { catches: true, dockerfile: 'FROM node as foo\nRUN wget my.xyz && curl localhost\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n' },
      {
        catches: true,
        dockerfile:
          'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl localhost\n',
      },
    ],
  },
  DL3011: {
    rule: 'SG-DF-030',
    cases: [
      { catches: true, dockerfile: F('EXPOSE 80000\n') },
      { catches: false, dockerfile: F('EXPOSE 60000\n') },
    ],
  },
  DL3021: {
    rule: 'SG-DF-055',
    cases: [
      { catches: false, dockerfile: F('COPY foo bar\n') },
      { catches: true, dockerfile: F('COPY foo bar baz\n') },
      { catches: false, dockerfile: F('COPY foo bar baz/\n') },
    ],
  },
  DL3040: {
    rule: 'SG-DF-021',
    cases: [
      { catches: true, dockerfile: F('RUN dnf install -y mariadb-10.4\n') },
      { catches: true, dockerfile: F('RUN microdnf install -y mariadb-10.4\n') },
      { catches: false, dockerfile: F('RUN dnf install -y mariadb-10.4 && dnf clean all\n') },
      { catches: false, dockerfile: F('RUN microdnf install -y mariadb-10.4 && microdnf clean all\n') },
      { catches: false, dockerfile: F('RUN notdnf install mariadb\n') },
      { catches: false, dockerfile: F('RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n') },
      { catches: false, dockerfile: F('RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n') },
    ],
  },
  DL3041: {
    rule: 'SG-DF-022',
    cases: [
      { catches: true, dockerfile: F('RUN dnf install -y tomcat && dnf clean all\n') },
      { catches: true, dockerfile: F('RUN microdnf install -y tomcat && microdnf clean all\n') },
      { catches: true, dockerfile: F('RUN dnf install -y rpm-sign && dnf clean all\n') },
      { catches: true, dockerfile: F('RUN microdnf install -y rpm-sign && microdnf clean all\n') },
      { catches: false, dockerfile: F('RUN dnf install -y tomcat-9.0.1 && dnf clean all\n') },
      { catches: false, dockerfile: F('RUN microdnf install -y tomcat-9.0.1 && microdnf clean all\n') },
      { catches: false, dockerfile: F('RUN notdnf install openssl-1:1.1.1k\n') },
      { catches: false, dockerfile: F('RUN notdnf install tomcat\n') },
      { catches: false, dockerfile: F('RUN dnf install -y rpm-sign-4.16.1.3 && dnf clean all\n') },
      { catches: false, dockerfile: F('RUN microdnf install -y gcc-c++-1.1.1\n') },
      { catches: false, dockerfile: F('RUN dnf install -y openssl-1:1.1.1k\n') },
      { catches: true, dockerfile: F('RUN dnf module install -y tomcat && dnf clean all\n') },
      { catches: true, dockerfile: F('RUN microdnf module install -y tomcat && microdnf clean all\n') },
      { catches: false, dockerfile: F('RUN dnf module install -y tomcat:9 && dnf clean all\n') },
      { catches: false, dockerfile: F('RUN notdnf module install tomcat\n') },
      { catches: false, dockerfile: F('RUN dnf install -y "git-core-${GIT_VER}" && dnf clean all\n') },
      { catches: false, dockerfile: F('RUN dnf install -y tomcat-$VERSION && dnf clean all\n') },
    ],
  },
  DL3026: {
    rule: 'SG-DF-053',
    cases: [{ catches: false, dockerfile: 'FROM random.com/debian\n' }],
  },
  DL3057: {
    rule: 'SG-DF-033',
    cases: [
      {
        catches: true,
        dockerfile: 'FROM scratch\n',
        differs:
          'scratch images have no shell or client to run a health check; orchestrator probes do that job',
      },
      { catches: false, dockerfile: 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n' },
      { catches: false, dockerfile: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n' },
      { catches: true, dockerfile: 'FROM debian:12 AS base\nHEALTHCHECK CMD /bin/bla\nFROM debian:12\n' },
    ],
  },
  DL3000: {
    rule: 'SG-DF-036',
    cases: [
      { catches: true, dockerfile: F('WORKDIR relative/dir\n') },
      { catches: false, dockerfile: F('WORKDIR /usr/local\n') },
      { catches: false, dockerfile: F('WORKDIR ${work}\n') },
      { catches: true, dockerfile: F("WORKDIR 'relative/dir'\n") },
      { catches: false, dockerfile: F("WORKDIR '/usr/local'\n") },
      { catches: true, dockerfile: F('WORKDIR "relative/dir"\n') },
      { catches: false, dockerfile: F('WORKDIR "/usr/local"\n') },
      { catches: false, dockerfile: F('WORKDIR "${dir}"\n') },
      { catches: false, dockerfile: F("WORKDIR 'C:\\'\n") },
      { catches: false, dockerfile: F('WORKDIR C:/\n') },
      { catches: false, dockerfile: F('WORKDIR "C:/"\n') },
    ],
  },
  DL3027: {
    rule: 'SG-DF-016',
    cases: [{ catches: true, dockerfile: 'FROM ubuntu\nRUN apt install python\n' }],
  },
  DL3029: {
    rule: 'SG-DF-054',
    cases: [
      { catches: true, dockerfile: 'FROM --platform=linux debian:jessie\n' },
      { catches: false, dockerfile: 'FROM debian:jessie\n' },
    ],
  },
  DL3065: {
    rule: 'SG-DF-054',
    cases: [
      { catches: false, dockerfile: 'FROM alpine:3.24\n' },
      { catches: false, dockerfile: 'FROM --platform=$FOOBAR alpine:3.24\n' },
      {
        catches: false,
        dockerfile: 'FROM --platform=foobar alpine:3.24\n',
        differs: 'a constant platform is DL3029, which SG-DF-054 covers as well',
      },
      { catches: true, dockerfile: 'FROM --platform=$TARGETPLATFORM alpine:3.24\n' },
      { catches: true, dockerfile: 'FROM --platform=${TARGETPLATFORM} alpine:3.24\n' },
    ],
  },
  DL3043: {
    rule: 'SG-DF-050',
    cases: [
      { catches: true, dockerfile: F('ONBUILD ONBUILD RUN anything\n') },
      { catches: true, dockerfile: F('ONBUILD FROM debian:buster\n') },
      { catches: true, dockerfile: F('ONBUILD MAINTAINER "BoJack Horseman"\n') },
      ...[
        'ADD anything anywhere',
        'USER anything',
        'LABEL bla="blubb"',
        'STOPSIGNAL anything',
        'COPY anything anywhere',
        'RUN anything',
        'CMD anything',
        'SHELL anything',
        'WORKDIR anything',
        'EXPOSE 69',
        'VOLUME anything',
        'ENTRYPOINT anything',
        'ENV MYVAR="bla"',
        'ARG anything',
        'HEALTHCHECK NONE',
      ].map((t) => ({ catches: false, dockerfile: F(`ONBUILD ${t}\n`) })),
      { catches: false, dockerfile: 'FROM debian:buster\n' },
      { catches: false, dockerfile: F('MAINTAINER "Some Guy"\n') },
    ],
  },
  DL3062: {
    rule: 'SG-DF-060',
    cases: [
      { catches: false, dockerfile: F('RUN npm install --production\n') },
      { catches: false, dockerfile: F('RUN npm ci --production\n') },
      { catches: false, dockerfile: F('RUN npm install --omit=dev\n') },
      { catches: false, dockerfile: F('RUN npm ci --omit=dev\n') },
      { catches: false, dockerfile: F('RUN npm install --production --no-audit\n') },
      { catches: false, dockerfile: F('RUN npm install --production express@4.1.1\n') },
      { catches: true, dockerfile: F('RUN npm install\n') },
      { catches: true, dockerfile: F('RUN npm ci\n') },
      { catches: true, dockerfile: F('RUN npm install express@4.1.1\n') },
      { catches: true, dockerfile: F('RUN npm install --no-audit\n') },
      { catches: false, dockerfile: F('RUN npm run build\n') },
    ],
  },
  DL3044: {
    rule: 'SG-DF-062',
    cases: [
      { catches: false, dockerfile: F('ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n') },
      { catches: false, dockerfile: F('ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"\n') },
      { catches: false, dockerfile: F('ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"\n') },
      { catches: false, dockerfile: F('ENV BLA="blubb" BLUBB="$FOOBLA/blubb"\n') },
      { catches: false, dockerfile: F('ENV BLA="blubb" BLUBB="$BLAFOO/blubb"\n') },
      { catches: true, dockerfile: F('ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n') },
      { catches: false, dockerfile: F('ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"\n') },
      { catches: false, dockerfile: F('ARG BLA\nENV BLA=${BLA}\n') },
      { catches: false, dockerfile: F('ENV BLA blubb\nENV BLA=${BLA}\n') },
      { catches: false, dockerfile: F('ENV PATH=/bla:${PATH}\n') },
      { catches: false, dockerfile: F('ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n') },
      { catches: true, dockerfile: F('ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n') },
      { catches: true, dockerfile: F('ENV BLA="blubb" BLUBB="${BLA}/blubb"\n') },
      { catches: true, dockerfile: F('ENV BLA="blubb" BLUBB="$BLA/blubb"\n') },
      { catches: true, dockerfile: F('ENV BLA="blubb" BLUBB="$BLA"\n') },
      { catches: true, dockerfile: F('ENV BLA="blubb" BLUBB="${BLA}"\n') },
    ],
  },
  DL3045: {
    rule: 'SG-DF-061',
    cases: [
      { catches: false, dockerfile: F('COPY bla.sh /usr/local/bin/blubb.sh\n') },
      { catches: false, dockerfile: F('COPY bla.sh "/usr/local/bin/blubb.sh"\n') },
      { catches: false, dockerfile: F('COPY bla.sh c:\\system32\\blubb.sh\n') },
      { catches: false, dockerfile: F('COPY bla.sh c:/system32/blubb.sh\n') },
      { catches: false, dockerfile: 'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n' },
      { catches: false, dockerfile: 'FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh\n' },
      { catches: false, dockerfile: F('COPY src.sh ${SRC_BASE_ENV}\n') },
      { catches: false, dockerfile: F('COPY src.sh $SRC_BASE_ENV\n') },
      { catches: false, dockerfile: F('COPY src.sh "${SRC_BASE_ENV}"\n') },
      { catches: true, dockerfile: F('COPY bla.sh blubb.sh\n') },
      { catches: true, dockerfile: F('COPY bla.sh "blubb.sh"\n') },
      {
        catches: true,
        dockerfile: 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n',
      },
      { catches: true, dockerfile: F('COPY a b\n') },
    ],
  },
  DL3066: {
    rule: 'SG-DF-063',
    cases: [
      { catches: false, dockerfile: F('USER 12345\n') },
      { catches: false, dockerfile: F('USER 1234:5678\n') },
      { catches: true, dockerfile: F('USER foobar\n') },
      { catches: true, dockerfile: F('USER foobar:barfoo\n') },
    ],
  },
  DL3067: {
    rule: 'SG-DF-064',
    cases: [
      {
        catches: true,
        dockerfile: F('COPY --from=build / /\n'),
        differs: 'no stage "build" here: an image reference is an artifact image made to be copied whole',
      },
      {
        catches: true,
        dockerfile: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build "/" "/"\n',
      },
      { catches: false, dockerfile: F('COPY / /\n') },
      { catches: false, dockerfile: F('COPY --from=build /app /\n') },
      { catches: false, dockerfile: F('COPY --from=build / /app\n') },
    ],
  },
  DL4005: {
    rule: 'SG-DF-065',
    cases: [
      { catches: true, dockerfile: F('RUN ln -sfv /bin/bash /bin/sh\n') },
      { catches: false, dockerfile: F('RUN ln -sf /bin/true /sbin/initctl\n') },
      { catches: false, dockerfile: F('RUN ln -s foo bar && unrelated && something_with /bin/sh\n') },
    ],
  },
  DL3008: {
    rule: 'SG-DF-014',
    cases: [
      { catches: true, dockerfile: F('RUN apt-get update && apt-get install python\n') },
      {
        catches: false,
        dockerfile: F(
          'RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*\n',
        ),
      },
      {
        catches: false,
        dockerfile: F(
          'RUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*\n',
        ),
      },
      { catches: false, dockerfile: F('RUN apt-get install -y python=1.2.2\n') },
      { catches: false, dockerfile: F('RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb\n') },
      { catches: false, dockerfile: F('RUN apt-get -y --no-install-recommends install nodejs=0.10\n') },
      {
        catches: false,
        dockerfile: F(
          'RUN set -e &&\\\n echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\\n apt-get update &&\\\n apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\\n rm -rf /var/lib/apt/lists/*\n',
        ),
      },
    ],
  },
  DL3009: {
    rule: 'SG-DF-013',
    cases: [
      { catches: true, dockerfile: 'FROM scratch\nRUN apt-get update && apt-get install python\n' },
      {
        catches: false,
        dockerfile:
          'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!\n',
      },
      {
        catches: true,
        dockerfile:
          'FROM ubuntu as foo\nRUN hey!\nFROM scratch\nRUN apt-get update && apt-get install python\n',
      },
      {
        catches: true,
        dockerfile: 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey!\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM ubuntu as foo\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey!\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n',
      },
      {
        catches: false,
        dockerfile: F(
          'RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install python\n',
        ),
      },
      {
        catches: false,
        dockerfile: F(
          'RUN --mount=type=cache,target=/var/lib/apt \\\n    --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python\n',
        ),
      },
      {
        catches: true,
        dockerfile: F(
          'RUN --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python\n',
        ),
      },
    ],
  },
  DL3013: {
    rule: 'SG-DF-024',
    cases: [
      { catches: true, dockerfile: F('RUN pip2 install MySQL_python\n') },
      { catches: true, dockerfile: F('RUN pip3 install MySQL_python\n') },
      { catches: false, dockerfile: F('RUN pip3 install MySQL_python==1.2.2\n') },
      { catches: false, dockerfile: F('RUN pip3 install mypkg.whl\n') },
      { catches: false, dockerfile: F('RUN pip3 install mypkg.tar.gz\n') },
      { catches: false, dockerfile: F('RUN pip install -r requirements.txt\n') },
      { catches: false, dockerfile: F('RUN pip install --requirement requirements.txt\n') },
      { catches: false, dockerfile: F('RUN pip install .\n') },
      { catches: true, dockerfile: F('RUN pip install MySQL_python\n') },
      { catches: false, dockerfile: F('RUN pip install MySQL_python~=1.2.2\n') },
      { catches: false, dockerfile: F('RUN pip install MySQL_python===1.2.2\n') },
      { catches: false, dockerfile: F('RUN pip install --ignore-installed MySQL_python==1.2.2\n') },
      { catches: false, dockerfile: F('RUN pip3 install --build /opt/yamllint yamllint==1.20.0\n') },
      { catches: false, dockerfile: F('RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0\n') },
      { catches: false, dockerfile: F('RUN pip3 install --root /opt/yamllint yamllint==1.20.0\n') },
      { catches: false, dockerfile: F('RUN pip3 install --target /opt/yamllint yamllint==1.20.0\n') },
      { catches: false, dockerfile: F('RUN pip3 install --trusted-host host example==1.2.2\n') },
      { catches: false, dockerfile: F('RUN python -m pip install example==1.2.2\n') },
      { catches: true, dockerfile: F('RUN python -m pip install example\n') },
      { catches: true, dockerfile: F('RUN python -m pip install --index-url url example\n') },
      {
        catches: false,
        dockerfile: F('RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext\n'),
      },
      {
        catches: true,
        dockerfile: F('RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext\n'),
      },
      { catches: false, dockerfile: F("RUN pip install 'alabaster>=0.7'\n") },
      { catches: false, dockerfile: F("RUN pip install 'alabaster<0.7'\n") },
      { catches: false, dockerfile: F("RUN pip install 'alabaster!=0.7'\n") },
      { catches: false, dockerfile: F('RUN pip install MySQL_python==1.2.2 --user\n') },
      { catches: false, dockerfile: F('RUN pip install MySQL_python==1.2.2 --disable-pip-version-check\n') },
      { catches: false, dockerfile: F('RUN pip install --index-url https://eg.com/foo foobar==1.0.0\n') },
      {
        catches: false,
        dockerfile: F(
          'RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0\n',
        ),
      },
      { catches: false, dockerfile: F('RUN pip install MySQL_python==1.2.2 --no-cache-dir\n') },
      { catches: false, dockerfile: F('RUN pip install pykafka --constraint http://foo.bar.baz\n') },
      { catches: false, dockerfile: F('RUN pip install pykafka -c http://foo.bar.baz\n') },
      {
        catches: false,
        dockerfile: F(
          'RUN pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0\n',
        ),
      },
    ],
  },
  DL3016: {
    rule: 'SG-DF-026',
    cases: [
      { catches: false, dockerfile: F('RUN npm install\n') },
      { catches: false, dockerfile: F('RUN npm install --progress=false\n') },
      { catches: false, dockerfile: F('RUN npm install express@4.1.1\n') },
      { catches: false, dockerfile: F('RUN npm install @myorg/privatepackage@">=0.1.0"\n') },
      { catches: false, dockerfile: F('RUN npm install express@"4.1.1" sax@0.1.1\n') },
      { catches: false, dockerfile: F('RUN npm install --global express@"4.1.1"\n') },
      { catches: false, dockerfile: F('RUN npm install -g express@"4.1.1"\n') },
      { catches: false, dockerfile: F('RUN npm install package-v1.2.3.tar\n') },
      { catches: false, dockerfile: F('RUN npm install package-v1.2.3.tar.gz\n') },
      { catches: false, dockerfile: F('RUN npm install package-v1.2.3.tgz\n') },
      { catches: false, dockerfile: F('RUN npm install /folder\n') },
      { catches: false, dockerfile: F('RUN npm install ./folder\n') },
      { catches: false, dockerfile: F('RUN npm install ../folder\n') },
      { catches: false, dockerfile: F('RUN npm install ~/folder\n') },
      { catches: false, dockerfile: F('RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27\n') },
      { catches: false, dockerfile: F('RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0\n') },
      {
        catches: false,
        dockerfile: F('RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27\n'),
      },
      { catches: false, dockerfile: F('RUN npm install git://github.com/npm/npm.git#v1.0.27\n') },
      { catches: false, dockerfile: F('RUN npm run --crazy install\n') },
      { catches: false, dockerfile: F('RUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"\n') },
      { catches: true, dockerfile: F('RUN npm install express\n') },
      { catches: true, dockerfile: F('RUN npm install @myorg/privatepackage\n') },
      { catches: true, dockerfile: F('RUN npm install express sax@0.1.1\n') },
      { catches: true, dockerfile: F('RUN npm install --global express\n') },
      { catches: true, dockerfile: F('RUN npm install git+ssh://git@github.com:npm/npm.git\n') },
      { catches: true, dockerfile: F('RUN npm install git+http://isaacs@github.com/npm/npm\n') },
      { catches: true, dockerfile: F('RUN npm install git+https://isaacs@github.com/npm/npm.git\n') },
      { catches: true, dockerfile: F('RUN npm install git://github.com/npm/npm.git\n') },
      { catches: false, dockerfile: F('RUN npm install --loglevel verbose sax@0.1.1\n') },
      { catches: false, dockerfile: F('RUN npm install --registry https://example.com sax@0.1.1\n') },
      { catches: true, dockerfile: F('RUN npm install --registry https://example.com express\n') },
      { catches: true, dockerfile: F('RUN npm install --registry=https://example.com express\n') },
    ],
  },
  DL3018: {
    rule: 'SG-DF-019',
    cases: [
      { catches: true, dockerfile: F('RUN apk add flex\n') },
      { catches: false, dockerfile: F('RUN apk add flex=2.6.4-r1\n') },
      { catches: false, dockerfile: F('RUN apk add --no-cache git~2.52.0\n') },
      {
        catches: false,
        dockerfile: F('RUN apk add --no-cache flex=2.6.4-r1 \\\n && pip install -r requirements.txt\n'),
      },
      {
        catches: false,
        dockerfile: F(
          'RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi=3.2.1-r3 \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n',
        ),
      },
      {
        catches: true,
        dockerfile: F(
          'RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n',
        ),
      },
      {
        catches: false,
        dockerfile: F(
          'RUN apk add \\\n--virtual build-dependencies \\\npython-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\\n&& pip install -r requirements.txt \\\n&& python setup.py install \\\n&& apk del build-dependencies\n',
        ),
      },
      {
        catches: false,
        dockerfile: F(
          'RUN apk add --no-cache \\\n--repository https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n',
        ),
      },
      {
        catches: false,
        dockerfile: F(
          'RUN apk add --no-cache \\\n--repository=https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n',
        ),
      },
      {
        catches: false,
        dockerfile: F(
          'RUN apk add --no-cache \\\n-X https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n',
        ),
      },
      { catches: false, dockerfile: F('RUN apk add mypackage-1.1.1.apk\n') },
    ],
  },
  DL3022: {
    rule: 'SG-DF-038',
    cases: [
      { catches: true, dockerfile: F('COPY --from=foo bar .\n') },
      { catches: true, dockerfile: 'FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz\n' },
      {
        catches: false,
        dockerfile: 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz\n',
      },
    ],
  },
  DL3042: {
    rule: 'SG-DF-023',
    cases: [
      { catches: true, dockerfile: F('RUN pip2 install MySQL_python\n') },
      { catches: true, dockerfile: F('RUN pip3 install MySQL_python\n') },
      { catches: true, dockerfile: F('RUN pip install MySQL_python\n') },
      { catches: false, dockerfile: F('RUN pip2 install MySQL_python --no-cache-dir\n') },
      { catches: false, dockerfile: F('RUN pip3 install --no-cache-dir MySQL_python\n') },
      { catches: false, dockerfile: F('RUN pipx install software\n') },
      { catches: false, dockerfile: F('RUN pipenv install library\n') },
      ...['1', 'on', 'yes', 'true'].flatMap((v) => [
        { catches: false, dockerfile: F(`ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python\n`) },
        { catches: false, dockerfile: F(`RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python\n`) },
        { catches: false, dockerfile: F(`RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python\n`) },
      ]),
      ...['0', 'off', 'no', 'false'].flatMap((v) => [
        { catches: true, dockerfile: F(`ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python\n`) },
        { catches: true, dockerfile: F(`RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python\n`) },
        { catches: true, dockerfile: F(`RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python\n`) },
      ]),
      {
        catches: false,
        dockerfile: 'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n',
      },
      {
        catches: true,
        dockerfile:
          'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN pip install six\n',
      },
    ],
  },
  DL4006: {
    rule: 'SG-DF-042',
    cases: [
      { catches: true, dockerfile: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n' },
      {
        catches: false,
        dockerfile: 'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch as build\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch as build\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch as build\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch as build\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch as build\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM scratch as build\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      },
      {
        catches: true,
        dockerfile:
          'FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: true,
        dockerfile:
          'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nFROM scratch as build2\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: true,
        dockerfile:
          'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nSHELL ["/bin/sh", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "pwsh", "-c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      },
      {
        catches: false,
        dockerfile:
          'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      },
    ],
  },
  DL3047: {
    rule: 'SG-DF-067',
    cases: [
      { catches: true, dockerfile: 'FROM node as foo\nRUN wget my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget -q my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget --quiet my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget -nv my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget --no-verbose my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget --output-file=/tmp/wget.log my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget -o /tmp/wget.log my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget --append-output=/tmp/wget.log my.xyz\n' },
      { catches: false, dockerfile: 'FROM node as foo\nRUN wget -a /tmp/wget.log my.xyz\n' },
    ],
  },
  DL3059: {
    rule: 'SG-DF-068',
    cases: [
      { catches: false, dockerfile: 'FROM debian:10\n' },
      { catches: false, dockerfile: F('RUN /foo.sh\n') },
      { catches: false, dockerfile: F('RUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n') },
      { catches: true, dockerfile: F('RUN /foo.sh\nRUN /bar.sh\n') },
      { catches: true, dockerfile: F('RUN /foo.sh\n# a comment\nRUN /bar.sh\n') },
      { catches: true, dockerfile: F('RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh\n') },
      { catches: false, dockerfile: F('# a comment\nRUN /foo.sh\n') },
      { catches: false, dockerfile: F('RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n') },
      {
        catches: false,
        dockerfile: F('RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n'),
      },
      {
        catches: true,
        dockerfile: F('RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n'),
      },
      { catches: false, dockerfile: F('RUN foo && bar\nRUN foobar\n') },
      { catches: false, dockerfile: F('RUN foo; bar\nRUN foobar\n') },
      { catches: false, dockerfile: F('RUN foobar\nRUN foo && bar\n') },
      { catches: false, dockerfile: F('RUN foobar\nRUN foo; bar\n') },
      { catches: false, dockerfile: F('RUN foo && bar\nRUN foo; bar\n') },
      { catches: true, dockerfile: F('RUN foo && bar\nRUN foo\nRUN bar\n') },
    ],
  },
  DL3060: {
    rule: 'SG-DF-069',
    cases: [
      { catches: false, dockerfile: F('RUN foo\n') },
      { catches: true, dockerfile: F('RUN yarn install foo\n') },
      { catches: false, dockerfile: F('RUN yarn install bar && yarn cache clean\n') },
      {
        catches: true,
        dockerfile: 'FROM node:lts-alpine as foo\nRUN hey!\nFROM scratch\nRUN yarn install\n',
      },
      {
        catches: true,
        dockerfile: 'FROM node:lts-alpine as foo\nRUN yarn install\nFROM foo\nRUN hey!\n',
      },
      {
        catches: false,
        dockerfile: 'FROM node:lts-alpine as foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey!\n',
      },
      {
        catches: false,
        dockerfile: 'FROM node:lts-alpine as foo\nRUN yarn install foo\nFROM scratch\nRUN hey!\n',
      },
    ],
  },
  DL3048: {
    rule: 'SG-DF-070',
    cases: [
      { catches: true, dockerfile: F('LABEL com.docker.label="foo"\n') },
      { catches: true, dockerfile: F('LABEL io.docker.label="foo"\n') },
      { catches: true, dockerfile: F('LABEL org.dockerproject.label="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL com.docker.label="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL io.docker.label="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL org.dockerproject.label="foo"\n') },
      {
        catches: true,
        dockerfile: F('LABEL invalid$character="foo"\n'),
        differs: '`$character` is a variable the builder expands, so the final key cannot be judged',
      },
      {
        catches: true,
        dockerfile: F('ONBUILD LABEL invalid$character="foo"\n'),
        differs: '`$character` is a variable the builder expands, so the final key cannot be judged',
      },
      { catches: true, dockerfile: F('LABEL .invalid ="foo"\n') },
      { catches: true, dockerfile: F('LABEL -invalid ="foo"\n') },
      { catches: true, dockerfile: F('LABEL 1invalid ="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL .invalid="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL -invalid="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL 1invalid="foo"\n') },
      { catches: true, dockerfile: F('LABEL invalid..character="foo"\n') },
      { catches: true, dockerfile: F('LABEL invalid--character="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL invalid..character="foo"\n') },
      { catches: true, dockerfile: F('ONBUILD LABEL invalid--character="foo"\n') },
      { catches: false, dockerfile: F('LABEL org.valid-key.label3="foo"\n') },
      { catches: false, dockerfile: F('LABEL validlabel="foo"\n') },
      { catches: false, dockerfile: F('ONBUILD LABEL org.valid-key.label3="foo"\n') },
      { catches: false, dockerfile: F('ONBUILD LABEL validlabel="foo"\n') },
    ],
  },
};

/** DL3026's cases run with hadolint's `trustedRegistries` setting, which maps onto allowedRegistries. */
const DL3026: { registries: string[]; dockerfile: string; catches: boolean }[] = [
  { registries: ['docker.io'], dockerfile: 'FROM random.com/debian\n', catches: true },
  { registries: ['x.com', 'random.com'], dockerfile: 'FROM random.com/debian\n', catches: false },
  { registries: ['x.com', 'random.com'], dockerfile: 'FROM scratch\n', catches: false },
  {
    registries: ['docker.io'],
    dockerfile:
      'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n',
    catches: false,
  },
  {
    registries: ['random.com'],
    dockerfile: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n',
    catches: false,
  },
  { registries: ['*.random.com'], dockerfile: 'FROM x.com/debian\n', catches: true },
  { registries: ['x.com', '*.random.com'], dockerfile: 'FROM foo.random.com/debian\n', catches: false },
  {
    registries: ['*'],
    dockerfile:
      'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n',
    catches: false,
  },
];

describe('DL3026 with trustedRegistries → SG-DF-053', () => {
  DL3026.forEach((c, i) => {
    it(`case ${i + 1}: ${c.catches ? 'fires' : 'quiet'}`, async () => {
      const hadolint = {
        path: '.hadolint.yaml',
        ignored: [],
        trustedRegistries: c.registries,
        disableIgnorePragma: false,
      };
      expect((await hits('SG-DF-053', c.dockerfile, { hadolint })).length > 0, c.dockerfile).toBe(c.catches);
    });
  });
});

describe("hadolint's rule specs", () => {
  for (const [dl, { rule, cases }] of Object.entries(SPECS))
    describe(`${dl} → ${rule}`, () => {
      cases.forEach((c, i) => {
        const expected = c.differs ? !c.catches : c.catches;
        it(`case ${i + 1}: ${expected ? 'fires' : 'quiet'}${c.differs ? ` (differs: ${c.differs})` : ''}`, async () => {
          const found = await hits(rule, c.dockerfile);
          expect(found.length > 0, c.dockerfile).toBe(expected);
        });
      });
    });
});
