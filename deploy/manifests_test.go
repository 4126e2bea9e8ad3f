// Package deploy checks the deployment files: every Kubernetes manifest decodes strictly
// into the Kubernetes API types (an unknown or misspelt field fails), the compose file
// loads as the Compose specification reads it, and both use only the environment
// variables the bot reads. It is a module of its own so that the bot's go.mod does not
// carry the Kubernetes and Compose libraries.
package deploy

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"sigs.k8s.io/yaml"
)

// botVars are the environment variables the bot reads, from config.example.toml, which
// a test of the bot keeps complete.
func botVars(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	var vars []string
	for _, m := range regexp.MustCompile(`env ([A-Z_]+)`).FindAllSubmatch(b, -1) {
		vars = append(vars, string(m[1]))
	}
	if len(vars) < 20 {
		t.Fatalf("found only %d variables in config.example.toml", len(vars))
	}
	return vars
}

// manifest is one decoded Kubernetes object, from file.
type manifest struct {
	file string
	kind string
	obj  any
}

func decodeAll(t *testing.T) []manifest {
	t.Helper()
	files, err := filepath.Glob("kubernetes/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests: %v", err)
	}
	var out []manifest
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range bytes.Split(b, []byte("\n---\n")) {
			var head struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
			}
			if err := yaml.Unmarshal(doc, &head); err != nil {
				t.Fatalf("%s #%d: %v", f, i, err)
			}
			var obj any
			switch head.APIVersion + " " + head.Kind {
			case "apps/v1 Deployment":
				obj = &appsv1.Deployment{}
			case "apps/v1 StatefulSet":
				obj = &appsv1.StatefulSet{}
			case "v1 Service":
				obj = &corev1.Service{}
			case "v1 Secret":
				obj = &corev1.Secret{}
			case "policy/v1 PodDisruptionBudget":
				obj = &policyv1.PodDisruptionBudget{}
			case "autoscaling/v2 HorizontalPodAutoscaler":
				obj = &autoscalingv2.HorizontalPodAutoscaler{}
			default:
				t.Fatalf("%s #%d: %s %s is not a kind this test knows", f, i, head.APIVersion, head.Kind)
			}
			if err := yaml.UnmarshalStrict(doc, obj); err != nil {
				t.Fatalf("%s #%d (%s): %v", f, i, head.Kind, err)
			}
			out = append(out, manifest{file: f, kind: head.Kind, obj: obj})
		}
	}
	return out
}

func TestKubernetesManifests(t *testing.T) {
	vars := botVars(t)
	ms := decodeAll(t)
	kinds := map[string]int{}
	var secretKeys []string
	for _, m := range ms {
		kinds[m.kind]++
		if s, ok := m.obj.(*corev1.Secret); ok {
			for k := range s.StringData {
				secretKeys = append(secretKeys, k)
			}
		}
	}
	for _, k := range []string{"Deployment", "StatefulSet", "Service", "Secret", "PodDisruptionBudget", "HorizontalPodAutoscaler"} {
		if kinds[k] == 0 {
			t.Errorf("no %s among the manifests", k)
		}
	}
	for _, m := range ms {
		var pod *corev1.PodTemplateSpec
		switch o := m.obj.(type) {
		case *appsv1.Deployment:
			pod = &o.Spec.Template
			checkSelector(t, m.file, o.Spec.Selector.MatchLabels, pod.Labels)
		case *appsv1.StatefulSet:
			pod = &o.Spec.Template
			checkSelector(t, m.file, o.Spec.Selector.MatchLabels, pod.Labels)
		default:
			continue
		}
		for _, c := range pod.Spec.Containers {
			if c.Resources.Requests.Cpu().IsZero() || c.Resources.Limits.Memory().IsZero() {
				t.Errorf("%s: container %s has no CPU request or memory limit", m.file, c.Name)
			}
			if c.Name != "bot" {
				continue
			}
			if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet == nil || c.LivenessProbe.HTTPGet.Path != "/healthz" {
				t.Errorf("%s: the liveness probe is not GET /healthz", m.file)
			}
			if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil || c.ReadinessProbe.HTTPGet.Path != "/readyz" {
				t.Errorf("%s: the readiness probe is not GET /readyz", m.file)
			}
			for _, e := range c.Env {
				if !slices.Contains(vars, e.Name) {
					t.Errorf("%s: %s is not a variable the bot reads", m.file, e.Name)
				}
				if r := e.ValueFrom; r != nil && r.SecretKeyRef != nil && !slices.Contains(secretKeys, r.SecretKeyRef.Key) {
					t.Errorf("%s: %s comes from the Secret's key %s, which the Secret template lacks", m.file, e.Name, r.SecretKeyRef.Key)
				}
			}
			if ss, ok := m.obj.(*appsv1.StatefulSet); ok {
				checkShards(t, m.file, ss, c)
			}
		}
	}
}

// checkShards: the gateway's shard id is its pod's ordinal, and the shard count its replicas.
func checkShards(t *testing.T, file string, ss *appsv1.StatefulSet, c corev1.Container) {
	var id, count bool
	for _, e := range c.Env {
		switch e.Name {
		case "DISCORD_SHARD_ID":
			id = e.ValueFrom != nil && e.ValueFrom.FieldRef != nil &&
				e.ValueFrom.FieldRef.FieldPath == "metadata.labels['apps.kubernetes.io/pod-index']"
		case "DISCORD_SHARD_COUNT":
			count = ss.Spec.Replicas != nil && e.Value == strconv.Itoa(int(*ss.Spec.Replicas))
		}
	}
	if !id {
		t.Errorf("%s: DISCORD_SHARD_ID is not the pod's ordinal", file)
	}
	if !count {
		t.Errorf("%s: DISCORD_SHARD_COUNT is not the StatefulSet's replicas", file)
	}
}

func checkSelector(t *testing.T, file string, sel, labels map[string]string) {
	for k, v := range sel {
		if labels[k] != v {
			t.Errorf("%s: the selector %s=%s does not match the pod template's labels", file, k, v)
		}
	}
}

func TestComposeFile(t *testing.T) {
	vars := botVars(t)
	b, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN": "xoxb-1"}
	p, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  ".",
		ConfigFiles: []types.ConfigFile{{Filename: "compose.yaml", Content: b}},
		Environment: env,
	}, func(o *loader.Options) { o.SetProjectName("borderbot", true) })
	if err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	var bots int
	for name, s := range p.Services {
		if s.Build == nil {
			continue
		}
		bots++
		for k := range s.Environment {
			if !slices.Contains(vars, k) {
				t.Errorf("service %s: %s is not a variable the bot reads", name, k)
			}
		}
		if v := s.Environment["BOT_REDIS_URL"]; v == nil || !strings.HasPrefix(*v, "redis://redis:") {
			t.Errorf("service %s does not use the compose file's Redis", name)
		}
	}
	if bots != 2 {
		t.Errorf("%d bot services, want 2", bots)
	}
	if _, ok := p.Services["lb"]; !ok {
		t.Error("no load balancer")
	}
	if _, ok := p.Services["redis"]; !ok {
		t.Error("no redis")
	}
	// Without the secrets, compose refuses to start and says which is missing.
	_, err = loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir: ".", ConfigFiles: []types.ConfigFile{{Filename: "compose.yaml", Content: b}}, Environment: map[string]string{},
	}, func(o *loader.Options) { o.SetProjectName("borderbot", true) })
	if err == nil || !strings.Contains(err.Error(), "SLACK_SIGNING_SECRET") {
		t.Errorf("compose.yaml without secrets: %v, want an error naming SLACK_SIGNING_SECRET", err)
	}
}

// The decoding is strict: a misspelt field fails, as a cluster would refuse it.
func TestStrictDecodingRefusesAMisspeltField(t *testing.T) {
	doc := []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicaz: 2\n")
	if err := yaml.UnmarshalStrict(doc, &appsv1.Deployment{}); err == nil || !strings.Contains(err.Error(), "replicaz") {
		t.Errorf("a misspelt field: %v, want an error naming it", err)
	}
}
